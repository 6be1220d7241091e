package uz.dhp.forms.form.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.ItemControl;
import uz.dhp.forms.form.rules.ItemState;

/**
 * All rows of a repeating group: a grid (gtable/table: one row per instance, one column per child)
 * or stacked blocks, with add, remove and move. Rows are rebuilt when the engine reports a
 * structural change; cells are ordinary item views registered by path.
 */
final class RowsView extends ItemView {

  private final @Nullable ItemPath parent;
  private final boolean table;
  private final VBox root = new VBox(6);
  private final Label title = new Label();
  private final GridPane grid = new GridPane();
  private final VBox blocks = new VBox(8);
  private final Button add = new Button();
  private final List<ItemView> rows = new ArrayList<>();
  private final List<Label> headers = new ArrayList<>();

  RowsView(EditorContext ctx, @Nullable ItemPath parent, FormItem item) {
    super(ctx, rowPath(parent, item.linkId(), 0), item);
    this.parent = parent;
    ItemControl c = item.common().itemControl();
    this.table =
        c == ItemControl.GTABLE
            || c == ItemControl.TABLE
            || c == ItemControl.HTABLE
            || c == ItemControl.GRID;
    root.getStyleClass().add("form-rows");
    title.getStyleClass().add("group-title");
    grid.getStyleClass().add("rows-grid");
    grid.setHgap(8);
    grid.setVgap(4);
    add.getStyleClass().add("add-row");
    add.setOnAction(e -> addRow(rowCount()));
    root.getChildren().addAll(title, table ? grid : blocks, add);
    ctx.rowsViews.add(this);
    rebuild();
  }

  static ItemPath rowPath(@Nullable ItemPath parent, String linkId, int index) {
    return parent == null ? ItemPath.of(linkId).withIndex(index) : parent.child(linkId, index);
  }

  ItemPath rowPath(int index) {
    return rowPath(parent, item.linkId(), index);
  }

  int rowCount() {
    return ctx.vm.session().rowCount(rowPath(0));
  }

  /** True if a structural change reported at {@code p} concerns these rows. */
  boolean concerns(ItemPath p) {
    if (parent == null) {
      return p.steps().size() == 1 && p.linkId().equals(item.linkId());
    }
    return p.equals(parent);
  }

  /** The row index of a path inside these rows, or -1. */
  int rowOf(ItemPath p) {
    int depth = parent == null ? 0 : parent.steps().size();
    if (p.steps().size() <= depth) {
      return -1;
    }
    if (parent != null && !p.steps().subList(0, depth).equals(parent.steps())) {
      return -1;
    }
    ItemPath.Step s = p.steps().get(depth);
    return s.linkId().equals(item.linkId()) ? s.index() : -1;
  }

  /** Re-creates the rows from the session (after add, remove, move). */
  void rebuild() {
    for (ItemView r : rows) {
      ctx.unregister(r);
    }
    rows.clear();
    grid.getChildren().clear();
    blocks.getChildren().clear();
    headers.clear();
    int count = rowCount();
    if (table) {
      int col = 0;
      for (FormItem child : item.children()) {
        Label h = new Label();
        h.getStyleClass().add("column-header");
        h.setWrapText(true);
        headers.add(h);
        grid.add(h, col++, 0);
      }
    }
    for (int i = 0; i < count; i++) {
      ItemPath rp = rowPath(i);
      ItemState st = ctx.state(rp);
      if (st == null) {
        continue;
      }
      ItemView row;
      if (table) {
        row = new TableRowView(ctx, rp, item, tools(i, count));
        ((TableRowView) row).placeInto(grid, i + 1);
      } else {
        row = new GroupView(ctx, rp, item, tools(i, count));
        blocks.getChildren().add(row.node());
      }
      ctx.register(row);
      row.update(st);
      rows.add(row);
    }
    relabel();
    refreshVisibility();
  }

  private HBox tools(int index, int count) {
    Button up = rowButton("▲", "form.ui.rows.up", () -> ctx.vm.moveRow(rowPath(index), index - 1));
    Button down =
        rowButton("▼", "form.ui.rows.down", () -> ctx.vm.moveRow(rowPath(index), index + 1));
    Button remove = rowButton("✕", "form.ui.rows.remove", () -> ctx.vm.removeRow(rowPath(index)));
    up.setDisable(index == 0);
    down.setDisable(index == count - 1);
    return new HBox(2, up, down, remove);
  }

  private Button rowButton(String glyph, String key, Runnable action) {
    Button b = new Button(glyph);
    b.getStyleClass().add("row-button");
    b.setFocusTraversable(false);
    b.accessibleTextProperty().bind(ctx.i18n.text(key));
    b.setTooltip(new javafx.scene.control.Tooltip());
    b.getTooltip().textProperty().bind(ctx.i18n.text(key));
    b.setOnAction(e -> action.run());
    return b;
  }

  /** Adds an empty row at {@code index}; the editor focuses it once rebuilt. */
  void addRow(int index) {
    ctx.vm.insertRow(rowPath(index));
    focusRow(index);
  }

  void focusRow(int index) {
    if (index >= 0 && index < rows.size()) {
      List<Node> targets = new ArrayList<>();
      rows.get(index).collectTargets(targets);
      if (!targets.isEmpty()) {
        targets.get(0).requestFocus();
      }
    }
  }

  void refreshVisibility() {
    boolean any = rows.isEmpty();
    for (ItemView r : rows) {
      ItemState st = ctx.state(r.path());
      any |= st != null && st.enabled();
    }
    root.setVisible(any && !item.common().hidden());
    root.setManaged(root.isVisible());
  }

  @Override
  void update(ItemState state) {
    refreshVisibility();
  }

  @Override
  Node node() {
    return root;
  }

  @Override
  List<ItemView> children() {
    return rows;
  }

  @Override
  void relabel() {
    title.setText(QuestionView.labelText(ctx, item, false));
    add.setText(ctx.msg("form.ui.rows.add"));
    int i = 0;
    for (FormItem child : item.children()) {
      if (i < headers.size()) {
        headers.get(i).setText(QuestionView.labelText(ctx, child, true));
      }
      i++;
    }
    super.relabel();
  }
}
