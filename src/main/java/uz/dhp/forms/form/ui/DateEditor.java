package uz.dhp.forms.form.ui;

import java.util.Optional;
import javafx.scene.Node;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;

/** date: {@code 05.03.2024}, {@code 05032024}, ISO, or partial {@code 03.2024} / {@code 2024}. */
final class DateEditor extends ValueEditor {

  private final DateField field;
  private boolean updating;

  DateEditor(EditorContext ctx) {
    field = new DateField(ctx);
    field.onText(this::typed);
    field
        .text
        .focusedProperty()
        .addListener(
            (o, was, is) -> {
              if (!is) {
                left();
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
    Optional<AnswerValue> v = AnswerText.parseDate(text);
    if (v.isPresent()) {
      onLocalError.accept(null);
      onValue.accept(v);
    }
  }

  /** Leaving the field with text that is no date: say so and drop the stale answer. */
  private void left() {
    String t = field.text.getText();
    if (!t.isBlank() && AnswerText.parseDate(t).isEmpty() && field.text.isEditable()) {
      onLocalError.accept("form.ui.format.date");
      onValue.accept(Optional.empty());
    }
  }

  @Override
  Node node() {
    return field.root;
  }

  @Override
  Node focusTarget() {
    return field.text;
  }

  @Override
  void show(@Nullable AnswerValue value) {
    Optional<AnswerValue> current = AnswerText.parseDate(field.text.getText());
    if (value == null) {
      if (current.isPresent()) {
        set("");
      }
      return;
    }
    if (current.isPresent() && current.get().equals(value)) {
      return;
    }
    if (value instanceof AnswerValue.DateValue d) {
      set(AnswerText.showDate(d));
    }
  }

  private void set(String text) {
    updating = true;
    field.text.setText(text);
    updating = false;
  }

  @Override
  void setReadOnly(boolean readOnly) {
    field.setReadOnly(readOnly);
  }

  @Override
  void setPrompt(String prompt) {
    field.text.setPromptText(prompt);
  }
}
