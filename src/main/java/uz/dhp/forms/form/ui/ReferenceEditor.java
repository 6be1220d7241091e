package uz.dhp.forms.form.ui;

import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;

/**
 * reference (the patient, the facility, a practitioner): filled from the record by the application,
 * shown read-only here.
 */
final class ReferenceEditor extends ValueEditor {

  private final EditorContext ctx;
  private final TextField field = new TextField();

  ReferenceEditor(EditorContext ctx) {
    this.ctx = ctx;
    field.setEditable(false);
    field.pseudoClassStateChanged(READ_ONLY, true);
    field.setPrefColumnCount(28);
    relabel();
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
    if (value instanceof AnswerValue.ReferenceValue r) {
      field.setText(r.display() != null ? r.display() : r.reference());
    } else {
      field.setText("");
    }
  }

  @Override
  void setReadOnly(boolean readOnly) {
    // Always read-only: references are set from the record, not typed.
  }

  @Override
  void relabel() {
    field.setPromptText(ctx.msg("form.ui.reference.fromRecord"));
  }
}
