package uz.dhp.forms.form.ui;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A text field for a date typed as on paper plus a calendar button. The calendar is a DatePicker
 * showing no text of its own; picking a day writes it into the field as if typed.
 */
final class DateField {

  final TextField text = new TextField();
  final DatePicker picker = new DatePicker();
  final HBox root = new HBox(2, text, picker);
  private boolean updating;

  DateField(EditorContext ctx) {
    text.setPrefColumnCount(9);
    text.getStyleClass().add("date-field");
    picker.getStyleClass().add("date-button");
    picker.setEditable(false);
    picker.setFocusTraversable(false);
    picker.setPrefWidth(34);
    picker.setMaxWidth(34);
    picker.accessibleTextProperty().bind(ctx.i18n.text("form.ui.date.pick"));
    picker.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(@Nullable LocalDate d) {
            return "";
          }

          @Override
          public @Nullable LocalDate fromString(String s) {
            return null;
          }
        });
    picker.setOnShowing(
        e -> {
          updating = true;
          picker.setValue(AnswerText.parseLocalDate(text.getText()).orElse(null));
          updating = false;
        });
    picker
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (!updating && b != null) {
                text.setText(b.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
                text.requestFocus();
                text.end();
              }
            });
  }

  void onText(Consumer<String> listener) {
    text.textProperty().addListener((o, a, b) -> listener.accept(b));
  }

  Optional<LocalDate> date() {
    return AnswerText.parseLocalDate(text.getText());
  }

  void setReadOnly(boolean readOnly) {
    text.setEditable(!readOnly);
    text.pseudoClassStateChanged(ValueEditor.READ_ONLY, readOnly);
    picker.setDisable(readOnly);
  }
}
