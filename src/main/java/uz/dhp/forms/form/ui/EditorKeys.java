package uz.dhp.forms.form.ui;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.rules.ValidationIssue;

/**
 * The editor's keyboard: Enter → next field (not in multi-line text), Ctrl+S save, Ctrl+F finder,
 * F8 next problem, F1 help, Ctrl+PgUp/PgDn sections, and in tables Ctrl+Enter add row, Ctrl+Delete
 * remove row (undo with Ctrl+Z), Alt+Up/Down move row. Enter, like Tab (see {@link SectionPane}),
 * goes through the whole form in form order: past the last field built so far to the next one, and
 * from a section's last field to the next section's first.
 */
final class EditorKeys {

  private final FormEditor editor;
  private final EditorContext ctx;
  private final EditorToolbar toolbar;
  private final UndoBar undoBar;

  EditorKeys(FormEditor editor, EditorContext ctx, EditorToolbar toolbar, UndoBar undoBar) {
    this.editor = editor;
    this.ctx = ctx;
    this.toolbar = toolbar;
    this.undoBar = undoBar;
  }

  void install(Region root) {
    root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    root.addEventHandler(KeyEvent.KEY_PRESSED, this::enter);
  }

  private void shortcut(KeyEvent e) {
    KeyCode k = e.getCode();
    boolean ctrl = e.isShortcutDown();
    if (ctrl || e.isAltDown() || k == KeyCode.F8 || k == KeyCode.F1) {
      // Only before a shortcut: plain typing keeps merging edits (see EditorContext#commit).
      ctx.flushCommits();
    }
    boolean handled = true;
    if (ctrl && k == KeyCode.S) {
      ctx.vm.saveNow();
    } else if (ctrl && k == KeyCode.F) {
      toolbar.focusFinder();
    } else if (k == KeyCode.F8) {
      nextProblem();
    } else if (k == KeyCode.F1) {
      toolbar.toggleHelp();
    } else if (ctrl && k == KeyCode.PAGE_DOWN) {
      moveSection(1);
    } else if (ctrl && k == KeyCode.PAGE_UP) {
      moveSection(-1);
    } else if (ctrl && k == KeyCode.ENTER) {
      handled = addRow();
    } else if (ctrl && k == KeyCode.DELETE) {
      handled = removeRow();
    } else if (ctrl && k == KeyCode.Z && undoBar.isShowing()) {
      undoBar.undo();
    } else if (e.isAltDown() && (k == KeyCode.UP || k == KeyCode.DOWN)) {
      handled = moveRow(k == KeyCode.UP ? -1 : 1);
    } else if (k == KeyCode.ESCAPE && toolbar.helpShown()) {
      toolbar.toggleHelp();
    } else {
      handled = false;
    }
    if (handled) {
      e.consume();
    }
  }

  /** Enter moves on like Tab, except in multi-line text, the finder and push buttons. */
  private void enter(KeyEvent e) {
    if (e.getCode() != KeyCode.ENTER || e.isShortcutDown() || e.isAltDown()) {
      return;
    }
    Node owner = editor.root().getScene() == null ? null : editor.root().getScene().getFocusOwner();
    if (owner == null || owner instanceof TextArea || toolbar.finderHasFocus()) {
      return;
    }
    if (owner instanceof javafx.scene.control.Button) {
      return; // Enter presses push buttons (add row, choose file); radios and boxes move on
    }
    ctx.flushCommits();
    moveFocus(owner, e.isShiftDown() ? -1 : 1);
    e.consume();
  }

  void moveFocus(Node from, int step) {
    List<Node> targets = editor.targets();
    int i = indexOf(targets, from);
    int next = i + step;
    if (i >= 0 && next >= 0 && next < targets.size()) {
      Node n = targets.get(next);
      n.requestFocus();
      editor.scrollTo(n);
    } else if (i >= 0 && step > 0) {
      editor.navigator().focusPastBuilt();
    } else if (i >= 0) {
      editor.navigator().focusPreviousSection();
    }
  }

  private static int indexOf(List<Node> targets, Node owner) {
    for (Node x = owner; x != null; x = x.getParent()) {
      int i = targets.indexOf(x);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  private void nextProblem() {
    ctx.showAllProblems = true;
    Optional<ValidationIssue> next = ctx.vm.nextIssue(editor.focusedPath().orElse(null));
    next.ifPresent(editor::jumpTo);
  }

  private void moveSection(int step) {
    int n = ctx.vm.sections().size();
    int s = editor.currentSection() + step;
    if (s >= 0 && s < n) {
      ctx.vm.currentSectionProperty().set(s);
      editor.focusFirstField();
    }
  }

  private boolean addRow() {
    Optional<ItemPath> at = editor.focusedPath();
    Optional<RowsView> rows = at.flatMap(editor::rowsOf);
    if (rows.isEmpty()) {
      return false;
    }
    rows.get().addRow(rows.get().rowOf(at.get()) + 1);
    return true;
  }

  private boolean removeRow() {
    Optional<ItemPath> at = editor.focusedPath();
    Optional<RowsView> rows = at.flatMap(editor::rowsOf);
    if (rows.isEmpty()) {
      return false;
    }
    int row = rows.get().rowOf(at.get());
    undoBar.removeRow(rows.get().rowPath(row));
    rows.get().focusRow(Math.min(row, rows.get().rowCount() - 1));
    return true;
  }

  private boolean moveRow(int step) {
    Optional<ItemPath> at = editor.focusedPath();
    Optional<RowsView> rows = at.flatMap(editor::rowsOf);
    if (rows.isEmpty()) {
      return false;
    }
    int row = rows.get().rowOf(at.get());
    int to = row + step;
    if (to < 0 || to >= rows.get().rowCount()) {
      return true;
    }
    ctx.vm.moveRow(rows.get().rowPath(row), to);
    rows.get().focusRow(to);
    return true;
  }
}
