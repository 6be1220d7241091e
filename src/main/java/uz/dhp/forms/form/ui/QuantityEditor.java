package uz.dhp.forms.form.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormItem;

/** quantity: a number and its unit (a choice when the form offers several). */
final class QuantityEditor extends ValueEditor {

  private final NumberEditor number;
  private final List<AnswerValue.CodingValue> units;
  private final ComboBox<AnswerValue.CodingValue> unitChoice = new ComboBox<>();
  private final Label unitLabel = new Label();
  private final HBox root;
  private boolean updating;

  QuantityEditor(EditorContext ctx, FormItem.QuantityItem item) {
    number = new NumberEditor(ctx, false, item.maxDecimalPlaces(), null);
    units = item.unitOptions();
    number.onLocalError = k -> onLocalError.accept(k);
    number.onValue = v -> emit();
    unitChoice.getItems().setAll(units);
    unitChoice.setCellFactory(l -> new UnitCell());
    unitChoice.setButtonCell(new UnitCell());
    unitChoice.accessibleTextProperty().bind(ctx.i18n.text("form.ui.quantity.unit"));
    if (!units.isEmpty()) {
      unitChoice.setValue(units.get(0));
      unitLabel.setText(show(units.get(0)));
    }
    unitChoice.valueProperty().addListener((o, a, b) -> emit());
    root = new HBox(6, number.node(), units.size() > 1 ? unitChoice : unitLabel);
  }

  private static String show(AnswerValue.CodingValue u) {
    return u.display() != null ? u.display() : u.code();
  }

  private final class UnitCell extends ListCell<AnswerValue.CodingValue> {
    @Override
    protected void updateItem(AnswerValue.CodingValue u, boolean empty) {
      super.updateItem(u, empty);
      setText(empty || u == null ? "" : show(u));
    }
  }

  private void emit() {
    if (updating) {
      return;
    }
    String text = number.field().getText();
    if (text.isBlank()) {
      onValue.accept(Optional.empty());
      return;
    }
    Optional<BigDecimal> n = number.number();
    if (n.isEmpty()) {
      return;
    }
    AnswerValue.CodingValue u = unitChoice.getValue();
    onValue.accept(
        Optional.of(
            u == null
                ? new AnswerValue.QuantityValue(n.get(), null, null, null)
                : new AnswerValue.QuantityValue(n.get(), show(u), u.system(), u.code())));
  }

  @Override
  Node node() {
    return root;
  }

  @Override
  Node focusTarget() {
    return number.focusTarget();
  }

  @Override
  void show(@Nullable AnswerValue value) {
    updating = true;
    if (value instanceof AnswerValue.QuantityValue q) {
      number.show(new AnswerValue.DecimalValue(q.value()));
      units.stream()
          .filter(u -> u.code().equals(q.code()) || u.code().equals(q.unit()))
          .findFirst()
          .ifPresent(unitChoice::setValue);
    } else {
      number.show(null);
    }
    updating = false;
  }

  @Override
  void setReadOnly(boolean readOnly) {
    number.setReadOnly(readOnly);
    unitChoice.setDisable(readOnly);
  }

  @Override
  void setPrompt(String prompt) {
    number.setPrompt(prompt);
  }
}
