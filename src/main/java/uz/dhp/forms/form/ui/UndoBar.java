package uz.dhp.forms.form.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.rules.ItemState;

/**
 * After a row is removed: "Row 3 removed — Undo (Ctrl+Z)". Undo puts an empty row back at the same
 * place and restores every answer it had.
 */
final class UndoBar {

  /** An answer inside the removed row, by its path relative to the row. */
  private record Saved(List<ItemPath.Step> relative, List<AnswerValue> answers) {}

  private final EditorContext ctx;
  private final HBox root = new HBox(12);
  private @Nullable Label text;
  private @Nullable ItemPath removedRow;
  private final List<Saved> saved = new ArrayList<>();

  UndoBar(EditorContext ctx) {
    this.ctx = ctx;
    root.setId("undoBar");
    root.getStyleClass().add("undo-bar");
    hide();
  }

  /** The bar's text and button, made when a row is first removed. */
  private Label text() {
    Label t = text;
    if (t == null) {
      t = new Label();
      text = t;
      Button undo = new Button();
      undo.setId("undoRemove");
      undo.setOnAction(e -> undo());
      undo.textProperty().bind(ctx.i18n.text("form.ui.rows.undo"));
      root.getChildren().setAll(t, undo);
    }
    return t;
  }

  Node node() {
    return root;
  }

  /** Removes the row, remembering its answers for undo. */
  void removeRow(ItemPath row) {
    List<Saved> answers = new ArrayList<>();
    collect(row, row.steps().size(), answers);
    if (ctx.vm.removeRow(row).isRejected()) {
      return;
    }
    saved.clear();
    saved.addAll(answers);
    removedRow = row;
    root.setVisible(true);
    root.setManaged(true);
    relabel();
  }

  private void collect(ItemPath p, int rowDepth, List<Saved> out) {
    for (ItemPath c : ctx.vm.session().children(p)) {
      ItemState st = ctx.state(c);
      if (st != null && !st.answers().isEmpty() && !st.readOnly()) {
        out.add(new Saved(c.steps().subList(rowDepth, c.steps().size()), st.answers()));
      }
      collect(c, rowDepth, out);
    }
  }

  boolean isShowing() {
    return root.isVisible();
  }

  void undo() {
    ItemPath row = removedRow;
    if (row == null) {
      return;
    }
    hide();
    if (ctx.vm.insertRow(row).isRejected()) {
      return;
    }
    for (Saved s : saved) {
      List<ItemPath.Step> steps = new ArrayList<>(row.steps());
      steps.addAll(s.relative());
      ctx.vm.setAnswers(new ItemPath(steps), s.answers());
    }
    saved.clear();
  }

  void hide() {
    removedRow = null;
    root.setVisible(false);
    root.setManaged(false);
  }

  void relabel() {
    if (removedRow != null) {
      text().setText(ctx.msg("form.ui.rows.removed", removedRow.index() + 1));
    } else if (text != null) {
      text.setText("");
    }
  }
}
