package uz.dhp.forms.form.ui;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;

/**
 * dateTime: a date field and a time field. Date alone gives a date-precision answer; with a time
 * the local zone offset is added, as FHIR requires.
 */
final class DateTimeEditor extends ValueEditor {

  private final EditorContext ctx;
  private final DateField date;
  private final TextField time = new TextField();
  private final HBox root;
  private boolean updating;

  DateTimeEditor(EditorContext ctx) {
    this.ctx = ctx;
    date = new DateField(ctx);
    time.setPrefColumnCount(5);
    time.getStyleClass().add("time-field");
    time.setPromptText("HH:mm");
    time.accessibleTextProperty().bind(ctx.i18n.text("form.ui.time"));
    root = new HBox(6, date.root, time);
    date.onText(t -> typed());
    time.textProperty().addListener((o, a, b) -> typed());
    date.text.focusedProperty().addListener((o, was, is) -> left(is));
    time.focusedProperty().addListener((o, was, is) -> left(is));
  }

  private Optional<AnswerValue> parse() {
    Optional<LocalDate> d = date.date();
    if (d.isEmpty()) {
      return Optional.empty();
    }
    String t = time.getText();
    Optional<LocalTime> lt = AnswerText.parseTime(t);
    if (!t.isBlank() && lt.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(AnswerText.dateTime(d.get(), lt, ctx.zone));
  }

  private void typed() {
    if (updating) {
      return;
    }
    if (date.text.getText().isBlank() && time.getText().isBlank()) {
      onLocalError.accept(null);
      onValue.accept(Optional.empty());
      return;
    }
    Optional<AnswerValue> v = parse();
    if (v.isPresent()) {
      onLocalError.accept(null);
      onValue.accept(v);
    }
  }

  private void left(boolean focused) {
    if (focused || !date.text.isEditable()) {
      return;
    }
    boolean blank = date.text.getText().isBlank() && time.getText().isBlank();
    if (!blank && parse().isEmpty() && !date.text.isFocused() && !time.isFocused()) {
      onLocalError.accept(date.date().isEmpty() ? "form.ui.format.date" : "form.ui.format.time");
      onValue.accept(Optional.empty());
    }
  }

  @Override
  Node node() {
    return root;
  }

  @Override
  Node focusTarget() {
    return date.text;
  }

  @Override
  void show(@Nullable AnswerValue value) {
    Optional<AnswerValue> current = parse();
    if (value == null) {
      if (current.isPresent()) {
        set("", "");
      }
      return;
    }
    if (current.isPresent() && current.get().equals(value)) {
      return;
    }
    if (value instanceof AnswerValue.DateValue d) {
      set(AnswerText.showDate(d), "");
    } else if (value instanceof AnswerValue.DateTimeValue dt) {
      Optional<LocalDateTime> ldt = AnswerText.localDateTime(dt, ctx.zone);
      if (ldt.isPresent()) {
        set(
            AnswerText.showDate(AnswerValue.DateValue.of(ldt.get().toLocalDate())),
            AnswerText.showTime(ldt.get().toLocalTime()));
      } else {
        set(AnswerText.showDate(new AnswerValue.DateValue(dt.value())), "");
      }
    }
  }

  private void set(String d, String t) {
    updating = true;
    date.text.setText(d);
    time.setText(t);
    updating = false;
  }

  @Override
  void setReadOnly(boolean readOnly) {
    date.setReadOnly(readOnly);
    time.setEditable(!readOnly);
    time.pseudoClassStateChanged(READ_ONLY, readOnly);
  }

  @Override
  void setPrompt(String prompt) {
    date.text.setPromptText(prompt);
  }
}
