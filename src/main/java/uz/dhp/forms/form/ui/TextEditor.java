package uz.dhp.forms.form.ui;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputControl;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.ItemType;

/** string (one line), text (several lines) and url; maxLength is enforced while typing. */
final class TextEditor extends ValueEditor {

  private final TextInputControl field;
  private final boolean url;
  private boolean updating;

  TextEditor(FormItem.TextItem item) {
    if (item.type() == ItemType.TEXT) {
      TextArea area = new TextArea();
      area.setWrapText(true);
      area.setPrefRowCount(3);
      field = area;
    } else {
      field = new TextField();
    }
    url = item.type() == ItemType.URL;
    Integer max = item.maxLength();
    if (max != null) {
      field.setTextFormatter(
          new TextFormatter<String>(
              c ->
                  c.getControlNewText().codePointCount(0, c.getControlNewText().length()) <= max
                      ? c
                      : null));
    }
    field
        .textProperty()
        .addListener(
            (o, a, b) -> {
              if (!updating) {
                onValue.accept(b.isEmpty() ? Optional.empty() : Optional.of(value(b)));
              }
            });
  }

  private AnswerValue value(String text) {
    return url ? new AnswerValue.UriValue(text) : new AnswerValue.StringValue(text);
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
    String t = "";
    if (value instanceof AnswerValue.StringValue s) {
      t = s.value();
    } else if (value instanceof AnswerValue.UriValue u) {
      t = u.value();
    }
    if (!t.equals(field.getText())) {
      updating = true;
      field.setText(t);
      updating = false;
    }
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
