package uz.dhp.forms.form.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.ui.ChoiceOptions.Option;

/** Radio buttons for a short list; arrow keys move between them, Delete clears. */
final class RadioChoiceEditor extends ValueEditor {

  private final EditorContext ctx;
  private final FlowPane root = new FlowPane(12, 4);
  private final ToggleGroup group = new ToggleGroup();
  private final List<Option> options = new ArrayList<>();
  private final RadioButton placeholder = new RadioButton();
  private @Nullable AnswerValue shown;
  private boolean updating;

  RadioChoiceEditor(EditorContext ctx, List<Option> initial) {
    this.ctx = ctx;
    root.getStyleClass().add("choice-radios");
    group
        .selectedToggleProperty()
        .addListener(
            (o, a, b) -> {
              if (!updating) {
                onValue.accept(
                    b == null
                        ? Optional.empty()
                        : Optional.of(options.get((int) b.getUserData()).answer(ctx.lang())));
              }
            });
    root.setOnKeyPressed(
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.DELETE
              || e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE) {
            group.selectToggle(null);
            e.consume();
          }
        });
    placeholder.setDisable(true);
    setOptions(initial);
  }

  void setOptions(List<Option> list) {
    options.clear();
    options.addAll(list);
    updating = true;
    root.getChildren().clear();
    group.getToggles().clear();
    for (int i = 0; i < options.size(); i++) {
      RadioButton b = new RadioButton();
      b.setUserData(i);
      b.setToggleGroup(group);
      root.getChildren().add(b);
    }
    if (options.isEmpty()) {
      root.getChildren().add(placeholder);
    }
    updating = false;
    relabel();
    show(shown);
  }

  @Override
  Node node() {
    return root;
  }

  @Override
  Node focusTarget() {
    Toggle t = group.getSelectedToggle();
    if (t instanceof RadioButton r) {
      return r;
    }
    return root.getChildren().isEmpty() ? root : root.getChildren().get(0);
  }

  @Override
  void show(@Nullable AnswerValue value) {
    shown = value;
    Toggle target = null;
    if (value != null) {
      for (Toggle t : group.getToggles()) {
        if (options.get((int) t.getUserData()).matches(value)) {
          target = t;
        }
      }
    }
    if (group.getSelectedToggle() != target) {
      updating = true;
      group.selectToggle(target);
      updating = false;
    }
  }

  @Override
  void setReadOnly(boolean readOnly) {
    group.getToggles().forEach(t -> ((RadioButton) t).setDisable(readOnly));
    root.pseudoClassStateChanged(READ_ONLY, readOnly);
  }

  @Override
  void relabel() {
    for (Toggle t : group.getToggles()) {
      ((RadioButton) t).setText(options.get((int) t.getUserData()).text(ctx.lang()));
    }
    placeholder.setText(ctx.msg("form.ui.choice.loading"));
  }
}
