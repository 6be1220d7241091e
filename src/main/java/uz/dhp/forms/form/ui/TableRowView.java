package uz.dhp.forms.form.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.rules.ItemState;

/** One row of a grid: a cell per child item plus the row's buttons. */
final class TableRowView extends ItemView {

  private final List<ItemView> cells = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();

  TableRowView(EditorContext ctx, ItemPath path, FormItem group, Node tools) {
    super(ctx, path, group);
    for (FormItem child : group.children()) {
      List<ItemView> built = ItemView.build(ctx, path, List.of(child), true);
      if (built.isEmpty()) {
        nodes.add(new javafx.scene.layout.Region());
      } else {
        cells.add(built.get(0));
        nodes.add(built.get(0).node());
      }
    }
    nodes.add(tools);
    for (Node n : nodes) {
      n.getProperties().putIfAbsent(EditorContext.PATH_KEY, path);
    }
  }

  void placeInto(GridPane grid, int row) {
    for (int c = 0; c < nodes.size(); c++) {
      grid.add(nodes.get(c), c, row);
    }
  }

  @Override
  Node node() {
    return nodes.get(nodes.size() - 1);
  }

  @Override
  void update(ItemState state) {
    // Cells keep their place in the grid; the whole table hides when no row is enabled.
    for (Node n : nodes) {
      n.setVisible(state.enabled());
    }
  }

  @Override
  List<ItemView> children() {
    return cells;
  }
}
