package uz.dhp.forms.form.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.rules.ItemState;

/**
 * The view of one section, built in form order a piece at a time: what fills the screen when the
 * section is shown, the rest on the following pulses ({@link #buildFor}), and any part at once when
 * the keyboard, the finder or the problem list needs it. The built views are always a prefix of the
 * section in form order, so "the next field" after the last built one is the first one still to
 * build. A view is made from the session's state at the moment it is built, in the language of that
 * moment, so nothing an edit or a language switch did before is missed.
 */
final class SectionView {

  /** Rough heights for "what fills the screen" (the real ones are known only after layout). */
  private static final double QUESTION_PX = 56;

  private static final double GROUP_PX = 32;
  private static final double ROWS_PX = 120;

  /** An item still to build, and where its view goes. */
  private record Pending(Consumer<ItemView> into, @Nullable ItemPath parent, FormItem item) {}

  private final EditorContext ctx;
  private final Runnable completed;
  private final VBox box = new VBox(12);
  private final List<ItemView> top = new ArrayList<>();
  private final Deque<Pending> pending = new ArrayDeque<>();

  /** Estimated height of the shown views built so far. */
  private double filled;

  /**
   * @param completed called once, when the last item has its view
   */
  SectionView(EditorContext ctx, List<FormItem> items, Runnable completed) {
    this.ctx = ctx;
    this.completed = completed;
    box.getStyleClass().add("section-content");
    for (FormItem item : items) {
      pending.addLast(new Pending(this::appendTop, null, item));
    }
  }

  private void appendTop(ItemView v) {
    top.add(v);
    box.getChildren().add(v.node());
  }

  VBox node() {
    return box;
  }

  /** Views of the section's top-level items built so far, in form order. */
  List<ItemView> views() {
    return top;
  }

  boolean isComplete() {
    return pending.isEmpty();
  }

  /** Builds until the shown items would fill {@code height} pixels, or the section is complete. */
  void buildScreen(double height) {
    while (!pending.isEmpty() && filled < height) {
      buildNext();
    }
  }

  /** Builds for about {@code nanos} (at least one item): one slice between two frames. */
  void buildFor(long nanos) {
    long end = System.nanoTime() + nanos;
    do {
      buildNext();
    } while (!pending.isEmpty() && System.nanoTime() < end);
  }

  /** Builds up to and including the view of {@code path}; false if the section has none. */
  boolean buildThrough(ItemPath path) {
    while (!ctx.views.containsKey(path) && !pending.isEmpty()) {
      buildNext();
    }
    return ctx.views.containsKey(path);
  }

  void buildAll() {
    while (!pending.isEmpty()) {
      buildNext();
    }
  }

  /**
   * Builds until a field one can type into appears after everything built so far, and returns it;
   * null when the rest of the section has none.
   */
  @Nullable Node buildNextTarget() {
    while (!pending.isEmpty()) {
      ItemView v = buildNext();
      if (v != null) {
        List<Node> t = new ArrayList<>();
        v.collectTargets(t);
        if (!t.isEmpty()) {
          return t.get(0);
        }
      }
    }
    return null;
  }

  /** Visible, editable fields built so far, in form order. */
  List<Node> targets() {
    List<Node> out = new ArrayList<>();
    for (ItemView v : top) {
      v.collectTargets(out);
    }
    return out;
  }

  /** The first field of the section, building as far as needed; null if it has none. */
  @Nullable Node firstTarget() {
    List<Node> t = targets();
    return t.isEmpty() ? buildNextTarget() : t.get(0);
  }

  /** The last field of the section (builds all of it); null if it has none. */
  @Nullable Node lastTarget() {
    buildAll();
    List<Node> t = targets();
    return t.isEmpty() ? null : t.get(t.size() - 1);
  }

  /** The language changed: built views take the new texts, the rest are built with them. */
  void relabel() {
    top.forEach(ItemView::relabel);
  }

  /**
   * Builds the next pending item: a group gets its heading now and queues its children right after
   * it (form order); a repeating group is built with all its rows.
   */
  private @Nullable ItemView buildNext() {
    ItemView v = make();
    if (v != null && ItemView.isShowing(v.node())) {
      filled += v instanceof RowsView ? ROWS_PX : v instanceof GroupView ? GROUP_PX : QUESTION_PX;
    }
    if (pending.isEmpty()) {
      completed.run();
    }
    return v;
  }

  private @Nullable ItemView make() {
    Pending p = pending.pollFirst();
    if (p == null) {
      return null;
    }
    FormItem item = p.item();
    if (item instanceof FormItem.GroupItem && item.common().repeats()) {
      RowsView rows = new RowsView(ctx, p.parent(), item);
      p.into().accept(rows);
      return rows;
    }
    ItemPath path =
        p.parent() == null ? ItemPath.of(item.linkId()) : p.parent().child(item.linkId());
    ItemState state = ctx.state(path);
    if (state == null) {
      return null;
    }
    if (item instanceof FormItem.GroupItem) {
      GroupView group = new GroupView(ctx, path, item, null, false);
      ctx.register(group);
      group.update(state);
      p.into().accept(group);
      List<FormItem> children = item.children();
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.addFirst(new Pending(group::append, path, children.get(i)));
      }
      return group;
    }
    ItemView v = ItemView.create(ctx, path, item, false, state);
    p.into().accept(v);
    return v;
  }
}
