package uz.dhp.forms.form.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.FlowPane;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.ui.ChoiceOptions.Option;

/** Check boxes: any number of options (a repeating choice, or itemControl check-box). */
final class CheckBoxChoiceEditor implements AnswersEditor {

  private final EditorContext ctx;
  private final FlowPane root = new FlowPane(12, 4);
  private final List<Option> options = new ArrayList<>();
  private final List<CheckBox> boxes = new ArrayList<>();
  private List<AnswerValue> shown = List.of();
  private Consumer<List<AnswerValue>> commit = l -> {};
  private boolean updating;
  private boolean readOnly;

  CheckBoxChoiceEditor(EditorContext ctx, List<Option> initial) {
    this.ctx = ctx;
    root.getStyleClass().add("choice-checks");
    setOptions(initial);
  }

  void setOptions(List<Option> list) {
    options.clear();
    options.addAll(list);
    boxes.clear();
    root.getChildren().clear();
    for (Option o : options) {
      CheckBox b = new CheckBox();
      b.selectedProperty().addListener((obs, a, c) -> changed());
      b.setDisable(readOnly);
      boxes.add(b);
      root.getChildren().add(b);
    }
    relabel();
    show(shown);
  }

  private void changed() {
    if (updating) {
      return;
    }
    List<AnswerValue> selected = new ArrayList<>();
    for (int i = 0; i < boxes.size(); i++) {
      if (boxes.get(i).isSelected()) {
        selected.add(options.get(i).answer(ctx.lang()));
      }
    }
    shown = selected;
    commit.accept(selected);
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public Node focusTarget() {
    return boxes.isEmpty() ? root : boxes.get(0);
  }

  @Override
  public void show(List<AnswerValue> answers) {
    shown = answers;
    updating = true;
    for (int i = 0; i < boxes.size(); i++) {
      Option o = options.get(i);
      boxes.get(i).setSelected(answers.stream().anyMatch(o::matches));
    }
    updating = false;
  }

  @Override
  public void setReadOnly(boolean readOnly) {
    this.readOnly = readOnly;
    boxes.forEach(b -> b.setDisable(readOnly));
  }

  @Override
  public void bind(Consumer<List<AnswerValue>> commit, Consumer<@Nullable String> localError) {
    this.commit = commit;
  }

  @Override
  public void relabel() {
    for (int i = 0; i < boxes.size(); i++) {
      boxes.get(i).setText(options.get(i).text(ctx.lang()));
    }
  }
}
