package uz.dhp.forms.form.ui;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyEvent;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.ui.ChoiceOptions.Option;

/** A drop-down; typing letters selects the first option starting with them. */
final class ComboChoiceEditor extends ValueEditor {

  private final EditorContext ctx;
  private final ComboBox<Option> combo = new ComboBox<>();
  private @Nullable AnswerValue shown;
  private boolean updating;
  private String typed = "";
  private long typedAt;

  ComboChoiceEditor(EditorContext ctx, List<Option> initial) {
    this.ctx = ctx;
    combo.setMaxWidth(480);
    combo.setCellFactory(l -> new OptionCell());
    combo.setButtonCell(new OptionCell());
    combo
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (!updating) {
                onValue.accept(b == null ? Optional.empty() : Optional.of(b.answer(ctx.lang())));
              }
            });
    combo.addEventHandler(KeyEvent.KEY_TYPED, this::typeAhead);
    combo.setOnKeyPressed(
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.DELETE && !combo.isShowing()) {
            combo.setValue(null);
            e.consume();
          }
        });
    setOptions(initial);
  }

  private void typeAhead(KeyEvent e) {
    String ch = e.getCharacter();
    if (ch.isEmpty() || Character.isISOControl(ch.charAt(0)) || e.isControlDown()) {
      return;
    }
    long now = System.nanoTime();
    typed = (now - typedAt > 1_000_000_000L ? "" : typed) + ch.toLowerCase();
    typedAt = now;
    for (Option o : combo.getItems()) {
      if (o.text(ctx.lang()).toLowerCase().startsWith(typed)) {
        combo.setValue(o);
        e.consume();
        return;
      }
    }
  }

  void setOptions(List<Option> options) {
    updating = true;
    combo.getItems().setAll(options);
    updating = false;
    show(shown);
  }

  private final class OptionCell extends ListCell<Option> {
    @Override
    protected void updateItem(Option item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? "" : item.text(ctx.lang()));
    }
  }

  @Override
  Node node() {
    return combo;
  }

  @Override
  Node focusTarget() {
    return combo;
  }

  @Override
  void show(@Nullable AnswerValue value) {
    shown = value;
    Option target = null;
    if (value != null) {
      for (Option o : combo.getItems()) {
        if (o.matches(value)) {
          target = o;
          break;
        }
      }
    }
    if (combo.getValue() != target) {
      updating = true;
      combo.setValue(target);
      updating = false;
    }
  }

  @Override
  void setReadOnly(boolean readOnly) {
    combo.setDisable(readOnly);
    combo.pseudoClassStateChanged(READ_ONLY, readOnly);
  }

  @Override
  void setPrompt(String prompt) {
    combo.setPromptText(prompt);
  }

  @Override
  void relabel() {
    combo.setButtonCell(new OptionCell());
    Option v = combo.getValue();
    updating = true;
    combo.setValue(null);
    combo.setValue(v);
    updating = false;
  }
}
