package uz.dhp.forms.form.ui;

import javafx.scene.Node;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.answer.ItemPath;

/**
 * Moves the focus in form order over what is not built yet: to the field after the last one built,
 * across sections (Tab, Enter), and to a field named by its path (finder, problem list, F8). What
 * it reaches is built on the spot, so none of these depend on how far the slices have come.
 */
final class FieldNavigator {

  private final EditorContext ctx;
  private final SectionPane sections;
  private final Runnable pastEnd;
  private final Runnable beforeStart;

  /**
   * @param pastEnd where Tab goes after the form's last field
   * @param beforeStart where Shift+Tab goes before the form's first field
   */
  FieldNavigator(EditorContext ctx, SectionPane sections, Runnable pastEnd, Runnable beforeStart) {
    this.ctx = ctx;
    this.sections = sections;
    this.pastEnd = pastEnd;
    this.beforeStart = beforeStart;
  }

  private int current() {
    return ctx.vm.currentSectionProperty().get();
  }

  /**
   * Focuses the field after everything built in the shown section: the next one still to build,
   * else the first field of the next section that has one. False at the end of the form.
   */
  boolean focusPastBuilt() {
    Node next = sections.current().buildNextTarget();
    for (int s = current() + 1; next == null && s < ctx.vm.sections().size(); s++) {
      if (ctx.vm.sections().get(s).enabledProperty().get()) {
        next = sections.view(s).firstTarget();
        if (next != null) {
          ctx.vm.currentSectionProperty().set(s);
        }
      }
    }
    return focusAndShow(next);
  }

  /** Focuses the last field of the nearest section before the shown one that has one. */
  boolean focusPreviousSection() {
    Node last = null;
    for (int s = current() - 1; last == null && s >= 0; s--) {
      if (ctx.vm.sections().get(s).enabledProperty().get()) {
        last = sections.view(s).lastTarget();
        if (last != null) {
          ctx.vm.currentSectionProperty().set(s);
        }
      }
    }
    return focusAndShow(last);
  }

  /**
   * Tab left what is built of the section, or came into the section from outside (Tab from the
   * finder, Shift+Tab from the problem list): on in form order in the direction it was going, else
   * out of the form that way.
   */
  void tabbedToEdge(boolean end, boolean fromInside) {
    ctx.flushCommits();
    SectionView view = sections.current();
    boolean forward = end == fromInside;
    boolean moved;
    if (fromInside) {
      moved = end ? focusPastBuilt() : focusPreviousSection();
    } else if (end) {
      moved = focusAndShow(view.lastTarget()) || focusPreviousSection();
    } else {
      moved = focusAndShow(view.firstTarget()) || focusPastBuilt();
    }
    if (!moved) {
      (forward ? pastEnd : beforeStart).run();
    }
  }

  /** Shows the section of {@code path}, builds it as far as that field, and focuses the field. */
  boolean jumpTo(ItemPath path) {
    ctx.flushCommits();
    int s = ctx.vm.sectionOf(path);
    if (s != current()) {
      ctx.vm.currentSectionProperty().set(s);
    }
    sections.current().buildThrough(path);
    ItemView v = ctx.views.get(path);
    if (v == null) {
      return false;
    }
    if (v instanceof QuestionView q) {
      q.reveal();
    }
    Node target = v.focusTarget();
    sections.scrollTo(v.node());
    (target == null ? v.node() : target).requestFocus();
    return true;
  }

  private boolean focusAndShow(@Nullable Node n) {
    if (n == null) {
      return false;
    }
    n.requestFocus();
    sections.scrollTo(n);
    return true;
  }
}
