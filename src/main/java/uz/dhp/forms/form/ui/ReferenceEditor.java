package uz.dhp.forms.form.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.ui.ReferenceChoices.Choice;
import uz.dhp.forms.terminology.CodeSearchIndex;
import uz.dhp.forms.terminology.Concept;

/**
 * reference (a practitioner, a department, a facility): a type-ahead pick-list over the choices the
 * application supplies for the item's resource types (Down shows them all; Enter or Tab picks).
 * Without choices it is read-only: the patient is filled from the record, and master data that is
 * still missing is named in the prompt so the clerk knows where to add it.
 */
final class ReferenceEditor extends ValueEditor {

  private static final int LIMIT = 50;

  private final EditorContext ctx;
  private final FormItem.ReferenceItem item;
  private final TextField field = new TextField();
  private final Map<String, Choice> choices = new LinkedHashMap<>();
  private final @Nullable CodeSearchIndex index;
  private final @Nullable SuggestionPopup<Choice> popup;
  private @Nullable AnswerValue shown;
  private boolean updating;

  ReferenceEditor(EditorContext ctx, FormItem.ReferenceItem item) {
    this.ctx = ctx;
    this.item = item;
    field.setPrefColumnCount(28);
    field.getStyleClass().add("reference");
    for (String type : item.resourceTypes()) {
      for (Choice c : ctx.references.forType(type)) {
        choices.putIfAbsent(c.reference(), c);
      }
    }
    if (choices.isEmpty()) {
      index = null;
      popup = null;
      field.setEditable(false);
      field.pseudoClassStateChanged(READ_ONLY, true);
    } else {
      List<Concept> concepts = new ArrayList<>();
      for (Choice c : choices.values()) {
        concepts.add(new Concept(null, c.reference(), searchText(c), Map.of()));
      }
      index = CodeSearchIndex.build(concepts, "en");
      popup = new SuggestionPopup<>(field, ReferenceEditor::listText);
      popup.onPick(this::pick);
      field.textProperty().addListener((o, a, b) -> typed(b));
      field.addEventFilter(KeyEvent.KEY_PRESSED, this::openOnDown);
      field
          .focusedProperty()
          .addListener(
              (o, was, is) -> {
                if (!is) {
                  left();
                }
              });
    }
    relabel();
  }

  private static String searchText(Choice c) {
    return c.secondary().isEmpty() ? c.display() : c.display() + " " + c.secondary();
  }

  private static String listText(Choice c) {
    return c.secondary().isEmpty() ? c.display() : c.display() + "  —  " + c.secondary();
  }

  private void openOnDown(KeyEvent e) {
    if (popup != null && !popup.isShowing() && field.isEditable() && e.getCode() == KeyCode.DOWN) {
      showMatches(label(shown).equals(field.getText()) ? "" : field.getText());
      e.consume();
    }
  }

  private void typed(String text) {
    if (updating || !field.isEditable() || popup == null) {
      return;
    }
    if (text.isBlank()) {
      popup.hide();
      onLocalError.accept(null);
      if (shown != null) {
        shown = null;
        onValue.accept(Optional.empty());
      }
      return;
    }
    showMatches(text);
  }

  private void showMatches(String query) {
    if (popup == null || index == null || !field.isFocused()) {
      return;
    }
    List<Choice> hits = new ArrayList<>();
    for (Concept c : index.search(query, LIMIT)) {
      Choice choice = choices.get(c.code());
      if (choice != null) {
        hits.add(choice);
      }
    }
    popup.show(hits);
  }

  private void pick(Choice c) {
    AnswerValue v = new AnswerValue.ReferenceValue(c.reference(), c.display());
    shown = v;
    setText(label(v));
    onLocalError.accept(null);
    onValue.accept(Optional.of(v));
  }

  /** Leaving with typed text that is not a picked entry: nothing is stored, a hint is shown. */
  private void left() {
    String t = field.getText();
    if (!field.isEditable() || t.isBlank() || t.equals(label(shown))) {
      return;
    }
    onLocalError.accept("form.ui.reference.pick");
  }

  private static String label(@Nullable AnswerValue v) {
    if (v instanceof AnswerValue.ReferenceValue r) {
      return r.display() != null && !r.display().isBlank() ? r.display() : r.reference();
    }
    return "";
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
    if (Objects.equals(value, shown)) {
      return;
    }
    shown = value;
    setText(label(value));
  }

  @Override
  void setReadOnly(boolean readOnly) {
    boolean locked = readOnly || popup == null;
    field.setEditable(!locked);
    field.pseudoClassStateChanged(READ_ONLY, locked);
  }

  @Override
  void relabel() {
    if (popup != null) {
      field.setPromptText(ctx.msg("form.ui.reference.pickPrompt"));
    } else if (item.resourceTypes().isEmpty() || item.resourceTypes().contains("Patient")) {
      field.setPromptText(ctx.msg("form.ui.reference.fromRecord"));
    } else {
      field.setPromptText(ctx.msg("form.ui.reference.noChoices"));
    }
  }
}
