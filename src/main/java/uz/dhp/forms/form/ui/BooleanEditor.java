package uz.dhp.forms.form.ui;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;

/**
 * boolean: Yes / No radio buttons, so "not answered" stays visible; a single check box when the
 * form asks for itemControl check-box. Delete clears the answer.
 */
final class BooleanEditor extends ValueEditor {

  private final EditorContext ctx;
  private final boolean checkBox;
  private final CheckBox box = new CheckBox();
  private final RadioButton yes = new RadioButton();
  private final RadioButton no = new RadioButton();
  private final ToggleGroup group = new ToggleGroup();
  private final Node root;
  private boolean updating;

  BooleanEditor(EditorContext ctx, boolean checkBox) {
    this.ctx = ctx;
    this.checkBox = checkBox;
    if (checkBox) {
      box.selectedProperty().addListener((o, a, b) -> emit(Optional.of(b)));
      root = box;
    } else {
      yes.setToggleGroup(group);
      no.setToggleGroup(group);
      group
          .selectedToggleProperty()
          .addListener((o, a, b) -> emit(b == null ? Optional.empty() : Optional.of(b == yes)));
      HBox h = new HBox(16, yes, no);
      h.setOnKeyPressed(
          e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
              group.selectToggle(null);
              e.consume();
            }
          });
      root = h;
    }
    relabel();
  }

  private void emit(Optional<Boolean> b) {
    if (!updating) {
      onValue.accept(b.map(AnswerValue.BooleanValue::new));
    }
  }

  @Override
  Node node() {
    return root;
  }

  @Override
  Node focusTarget() {
    if (checkBox) {
      return box;
    }
    return no.isSelected() ? no : yes;
  }

  @Override
  void show(@Nullable AnswerValue value) {
    Boolean b = value instanceof AnswerValue.BooleanValue v ? v.value() : null;
    updating = true;
    if (checkBox) {
      box.setSelected(Boolean.TRUE.equals(b));
    } else {
      group.selectToggle(b == null ? null : b ? yes : no);
    }
    updating = false;
  }

  @Override
  void setReadOnly(boolean readOnly) {
    box.setDisable(readOnly);
    yes.setDisable(readOnly);
    no.setDisable(readOnly);
  }

  @Override
  void relabel() {
    yes.setText(ctx.msg("form.ui.boolean.yes"));
    no.setText(ctx.msg("form.ui.boolean.no"));
  }
}
