package uz.dhp.forms.form.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.FormItem;

/**
 * A group: a heading and its children; also one row of a repeating group shown as a block. A group
 * of a section is created empty and its children are appended as the section is built.
 */
final class GroupView extends ItemView {

  private final VBox root = new VBox(8);
  private final Label title = new Label();
  private final List<ItemView> children = new ArrayList<>();
  private final @Nullable String rowTitleKey;

  /**
   * @param rowTools buttons of a row (move, remove), or null for a plain group
   */
  GroupView(EditorContext ctx, ItemPath path, FormItem item, @Nullable Node rowTools) {
    this(ctx, path, item, rowTools, true);
  }

  /**
   * @param withChildren false: no children yet, they come through {@link #append}
   */
  GroupView(
      EditorContext ctx,
      ItemPath path,
      FormItem item,
      @Nullable Node rowTools,
      boolean withChildren) {
    super(ctx, path, item);
    this.rowTitleKey = rowTools == null ? null : "form.ui.rows.rowTitle";
    root.getStyleClass().add(path.steps().size() == 1 ? "form-section" : "form-group");
    title.getStyleClass().add(path.steps().size() == 1 ? "section-title" : "group-title");
    title.setWrapText(true);
    root.getProperties().put(EditorContext.PATH_KEY, path);
    if (rowTools != null) {
      Region spacer = new Region();
      HBox.setHgrow(spacer, Priority.ALWAYS);
      root.getChildren().add(new HBox(8, title, spacer, rowTools));
      root.getStyleClass().add("group-row");
    } else {
      root.getChildren().add(title);
    }
    if (withChildren) {
      ItemView.build(ctx, path, item.children(), false).forEach(this::append);
    }
    relabel();
  }

  /** Adds the view of the next child (in form order). */
  void append(ItemView child) {
    children.add(child);
    root.getChildren().add(child.node());
  }

  @Override
  Node node() {
    return root;
  }

  @Override
  List<ItemView> children() {
    return children;
  }

  @Override
  void relabel() {
    String text = QuestionView.labelText(ctx, item, false);
    title.setText(rowTitleKey == null ? text : ctx.msg(rowTitleKey, text, path.index() + 1));
    title.setVisible(!text.isEmpty());
    title.setManaged(!text.isEmpty());
    super.relabel();
  }
}
