package uz.dhp.forms.form.ui;

import java.time.LocalTime;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;

/** time: {@code 14:30} or {@code 1430}. */
final class TimeEditor extends ValueEditor {

  private final TextField field = new TextField();
  private boolean updating;

  TimeEditor() {
    field.setPrefColumnCount(5);
    field.setPromptText("HH:mm");
    field.textProperty().addListener((o, a, b) -> typed(b));
    field
        .focusedProperty()
        .addListener(
            (o, was, is) -> {
              String t = field.getText();
              if (!is && !t.isBlank() && AnswerText.parseTime(t).isEmpty() && field.isEditable()) {
                onLocalError.accept("form.ui.format.time");
                onValue.accept(Optional.empty());
              }
            });
  }

  private void typed(String text) {
    if (updating) {
      return;
    }
    if (text.isBlank()) {
      onLocalError.accept(null);
      onValue.accept(Optional.empty());
      return;
    }
    Optional<LocalTime> t = AnswerText.parseTime(text);
    if (t.isPresent() && text.strip().length() >= 4) {
      onLocalError.accept(null);
      onValue.accept(Optional.of(new AnswerValue.TimeValue(t.get())));
    }
  }

  @Override
  Node node() {
    return field;
  }

  @Override
  Node focusTarget() {
    return field;
  }

  @Override
  void show(@Nullable AnswerValue value) {
    Optional<LocalTime> current = AnswerText.parseTime(field.getText());
    LocalTime v = value instanceof AnswerValue.TimeValue t ? t.value() : null;
    if (v == null ? field.getText().isBlank() : current.isPresent() && current.get().equals(v)) {
      return;
    }
    updating = true;
    field.setText(v == null ? "" : AnswerText.showTime(v));
    updating = false;
  }

  @Override
  void setReadOnly(boolean readOnly) {
    field.setEditable(!readOnly);
    field.pseudoClassStateChanged(READ_ONLY, readOnly);
  }

  @Override
  void setPrompt(String prompt) {
    field.setPromptText(prompt);
  }
}
