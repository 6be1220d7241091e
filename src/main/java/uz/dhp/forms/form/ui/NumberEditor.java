package uz.dhp.forms.form.ui;

import java.math.BigDecimal;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.LocalizedText;

/**
 * integer and decimal (and the number part of a quantity): only number characters can be typed,
 * never more decimals than maxDecimalPlaces; min/max are the engine's validation.
 */
final class NumberEditor extends ValueEditor {

  private final TextField field = new TextField();
  private final boolean integer;
  private final @Nullable LocalizedText unit;
  private final Label unitLabel = new Label();
  private final Node root;
  private final EditorContext ctx;
  private boolean updating;

  NumberEditor(
      EditorContext ctx,
      boolean integer,
      @Nullable Integer maxDecimalPlaces,
      @Nullable LocalizedText unit) {
    this.ctx = ctx;
    this.integer = integer;
    this.unit = unit;
    field.getStyleClass().add("number-field");
    field.setPrefColumnCount(8);
    int places = integer ? 0 : maxDecimalPlaces == null ? Integer.MAX_VALUE : maxDecimalPlaces;
    field.setTextFormatter(
        new TextFormatter<String>(
            c -> {
              String t = c.getControlNewText();
              if (!t.matches("[-+]?[0-9]*([.,][0-9]*)?")) {
                return null;
              }
              return AnswerText.typedDecimals(t) > places
                      || (places == 0 && (t.contains(".") || t.contains(",")))
                  ? null
                  : c;
            }));
    field.textProperty().addListener((o, a, b) -> typed(b));
    root = unit == null ? field : new HBox(6, field, unitLabel);
    relabel();
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
    Optional<AnswerValue> v = parse(text);
    if (v.isPresent()) {
      onLocalError.accept(null);
      onValue.accept(v);
    } else if (!AnswerText.isNumberPrefix(text)) {
      onLocalError.accept("form.ui.format.number");
    }
  }

  Optional<AnswerValue> parse(String text) {
    if (integer) {
      return AnswerText.parseInteger(text);
    }
    return AnswerText.parseDecimal(text).map(AnswerValue.DecimalValue::new);
  }

  /** The typed number, if the text is one (for the quantity editor). */
  Optional<BigDecimal> number() {
    return AnswerText.parseDecimal(field.getText());
  }

  TextField field() {
    return field;
  }

  @Override
  Node node() {
    return root;
  }

  @Override
  Node focusTarget() {
    return field;
  }

  @Override
  void show(@Nullable AnswerValue value) {
    Optional<AnswerValue> current = parse(field.getText());
    if (value == null
        ? field.getText().isBlank()
        : current.map(c -> same(c, value)).orElse(false)) {
      return;
    }
    setText(value == null ? "" : AnswerText.showNumber(value));
  }

  void setText(String text) {
    updating = true;
    field.setText(text);
    updating = false;
  }

  private static boolean same(AnswerValue a, AnswerValue b) {
    return AnswerText.parseDecimal(AnswerText.showNumber(a))
        .flatMap(
            x -> AnswerText.parseDecimal(AnswerText.showNumber(b)).map(y -> x.compareTo(y) == 0))
        .orElse(false);
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

  @Override
  void relabel() {
    unitLabel.setText(ctx.text(unit));
  }
}
