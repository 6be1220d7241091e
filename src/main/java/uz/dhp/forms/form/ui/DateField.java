package uz.dhp.forms.form.ui;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Button;
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
  private final Button calendar = new Button("📅");
  private @Nullable DatePicker picker;
  final HBox root = new HBox(2, text, calendar);
  private final EditorContext ctx;
  private boolean updating;

  DateField(EditorContext ctx) {
    this.ctx = ctx;
    text.setPrefColumnCount(9);
    text.getStyleClass().add("date-field");
    calendar.getStyleClass().add("calendar-button");
    calendar.setFocusTraversable(false);
    calendar.accessibleTextProperty().bind(ctx.i18n.text("form.ui.date.pick"));
    // A DatePicker per field is costly to lay out on a large form: create it on first use.
    calendar.setOnAction(
        e -> {
          DatePicker p = picker();
          root.getChildren().set(1, p);
          p.show();
        });
  }

  private DatePicker picker() {
    if (picker != null) {
      return picker;
    }
    DatePicker picker = new DatePicker();
    this.picker = picker;
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
    picker.setDisable(calendar.isDisabled());
    return picker;
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
    calendar.setDisable(readOnly);
    if (picker != null) {
      picker.setDisable(readOnly);
    }
  }
}
