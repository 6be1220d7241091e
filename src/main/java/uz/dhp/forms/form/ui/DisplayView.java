package uz.dhp.forms.form.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.FormItem;

/** display: text only. */
final class DisplayView extends ItemView {

  private final Label label = new Label();

  DisplayView(EditorContext ctx, ItemPath path, FormItem item) {
    super(ctx, path, item);
    label.setWrapText(true);
    label.getStyleClass().add("display-item");
    label.getProperties().put(EditorContext.PATH_KEY, path);
    relabel();
  }

  @Override
  Node node() {
    return label;
  }

  @Override
  void relabel() {
    label.setText(QuestionView.labelText(ctx, item, false));
  }
}
