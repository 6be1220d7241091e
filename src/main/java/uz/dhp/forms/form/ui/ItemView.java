package uz.dhp.forms.form.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.rules.ItemState;

/** The view of one item instance (or, for {@link RowsView}, of all rows of a repeating group). */
abstract class ItemView {

  protected final EditorContext ctx;
  protected final ItemPath path;
  protected final FormItem item;

  ItemView(EditorContext ctx, ItemPath path, FormItem item) {
    this.ctx = ctx;
    this.path = path;
    this.item = item;
  }

  ItemPath path() {
    return path;
  }

  FormItem item() {
    return item;
  }

  abstract Node node();

  /** Shows the item's current state (answers, read-only, issues, enablement). */
  void update(ItemState state) {
    showEnabled(state.enabled());
  }

  /** Skip logic: a disabled item is hidden and takes no space; a hidden item never shows. */
  void showEnabled(boolean enabled) {
    boolean visible = enabled && !item.common().hidden();
    node().setVisible(visible);
    node().setManaged(visible);
  }

  /** The language changed. */
  void relabel() {
    children().forEach(ItemView::relabel);
  }

  @Nullable Node focusTarget() {
    return null;
  }

  List<ItemView> children() {
    return List.of();
  }

  /** Focusable, visible, editable fields under this view, in form order (Enter, F8). */
  void collectTargets(List<Node> out) {
    Node t = focusTarget();
    if (t != null && isShowing(t) && !t.isDisabled()) {
      out.add(t);
    }
    for (ItemView c : children()) {
      c.collectTargets(out);
    }
  }

  static boolean isShowing(Node n) {
    for (Node x = n; x != null; x = x.getParent()) {
      if (!x.isVisible()) {
        return false;
      }
    }
    return true;
  }

  /** Builds the views of the children of {@code parent} (null: top level) from the definition. */
  static List<ItemView> build(
      EditorContext ctx, @Nullable ItemPath parent, List<FormItem> items, boolean compact) {
    List<ItemView> out = new ArrayList<>();
    for (FormItem child : items) {
      if (child instanceof FormItem.GroupItem && child.common().repeats()) {
        out.add(new RowsView(ctx, parent, child));
        continue;
      }
      ItemPath p = parent == null ? ItemPath.of(child.linkId()) : parent.child(child.linkId());
      ItemState st = ctx.state(p);
      if (st == null) {
        continue;
      }
      out.add(create(ctx, p, child, compact, st));
    }
    return out;
  }

  /** The item kind → view mapping (editors per question kind are in {@link Editors}). */
  static ItemView create(
      EditorContext ctx, ItemPath path, FormItem item, boolean compact, ItemState state) {
    ItemView v;
    if (item instanceof FormItem.GroupItem) {
      v = new GroupView(ctx, path, item, null);
    } else if (item instanceof FormItem.DisplayItem) {
      v = new DisplayView(ctx, path, item);
    } else {
      v = new QuestionView(ctx, path, item, () -> Editors.forQuestion(ctx, item), compact);
    }
    ctx.register(v);
    v.update(state);
    return v;
  }
}
