package uz.dhp.forms.form.ui;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.terminology.Concept;
import uz.dhp.forms.terminology.ValueSetExpansion;

/**
 * Type-ahead over a code list of any size (ICD-10, professions): each keystroke searches the
 * prebuilt index of the value set off the FX thread; only the newest query's result is shown.
 */
final class AutocompleteEditor extends ValueEditor {

  private static final int LIMIT = 30;

  private final EditorContext ctx;
  private final FormItem.ChoiceItem item;
  private final TextField field = new TextField();
  private final SuggestionPopup<Concept> popup;
  private @Nullable AnswerValue shown;
  private volatile @Nullable ValueSetExpansion expansion;
  private boolean updating;
  private long query;

  AutocompleteEditor(EditorContext ctx, FormItem.ChoiceItem item) {
    this.ctx = ctx;
    this.item = item;
    field.getStyleClass().add("autocomplete");
    field.setPrefColumnCount(28);
    popup = new SuggestionPopup<>(field, c -> c.code() + "  " + c.display(ctx.lang()));
    popup.onPick(this::pick);
    field.textProperty().addListener((o, a, b) -> typed(b));
    field
        .focusedProperty()
        .addListener(
            (o, was, is) -> {
              if (!is) {
                left();
              }
            });
  }

  private void typed(String text) {
    if (updating || !field.isEditable()) {
      return;
    }
    if (text.isBlank()) {
      popup.hide();
      onLocalError.accept(null);
      if (shown != null) {
        onValue.accept(Optional.empty());
      }
      return;
    }
    long q = ++query;
    String lang = ctx.lang();
    ctx.work.run(
        () -> {
          if (expansion == null) {
            expansion = ChoiceOptions.searchable(ctx, item).orElse(null);
          }
          return expansion == null ? List.<Concept>of() : expansion.search(text, lang, LIMIT);
        },
        hits -> {
          if (q == query && field.isFocused()) {
            popup.show(hits);
          }
        },
        e -> {});
  }

  private void pick(Concept c) {
    AnswerValue v = ChoiceOptions.fromConcept(c).answer(ctx.lang());
    if (item.type() != uz.dhp.forms.form.definition.ItemType.CODING
        && v instanceof AnswerValue.CodingValue cv) {
      v =
          item.options().stream()
              .map(o -> o.value())
              .filter(x -> ChoiceOptions.plain(x).equals(cv.code()))
              .findFirst()
              .orElse(v);
    }
    shown = v;
    setText(label(v));
    onLocalError.accept(null);
    onValue.accept(Optional.of(v));
  }

  /** Leaving with text that is not the picked code: free text where allowed, else a hint. */
  private void left() {
    String t = field.getText();
    if (!field.isEditable() || t.isBlank() || (shown != null && t.equals(label(shown)))) {
      return;
    }
    if (item.constraint() == FormItem.AnswerConstraint.OPTIONS_OR_STRING) {
      shown = new AnswerValue.StringValue(t.strip());
      onValue.accept(Optional.of(shown));
    } else {
      onLocalError.accept("form.ui.choice.pick");
    }
  }

  private String label(AnswerValue v) {
    if (v instanceof AnswerValue.CodingValue c) {
      // The display stored when picked (in the language of that moment); a lookup here could
      // flatten a large code system on the FX thread.
      String display = c.display() == null ? "" : c.display();
      return display.isEmpty() ? c.code() : c.code() + "  " + display;
    }
    return ChoiceOptions.plain(v);
  }

  private void setText(String t) {
    updating = true;
    field.setText(t);
    field.end();
    updating = false;
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
    if (java.util.Objects.equals(value, shown)) {
      return;
    }
    shown = value;
    setText(value == null ? "" : label(value));
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
    if (shown != null) {
      setText(label(shown));
    }
    if (field.getPromptText() == null || field.getPromptText().isEmpty()) {
      field.setPromptText(ctx.msg("form.ui.choice.typeToSearch"));
    }
  }
}
