package uz.dhp.forms.form.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;

/** A repeating question: one editor per answer, with add and remove. */
final class RepeatedAnswers implements AnswersEditor {

  private final Supplier<ValueEditor> factory;
  private final EditorContext ctx;
  private final VBox slotsBox = new VBox(4);
  private final Button add = new Button();
  private final VBox root;
  private final List<ValueEditor> editors = new ArrayList<>();
  private final List<@Nullable AnswerValue> values = new ArrayList<>();
  private Consumer<List<AnswerValue>> commit = l -> {};
  private Consumer<@Nullable String> localError = k -> {};
  private boolean readOnly;
  private String prompt = "";

  RepeatedAnswers(EditorContext ctx, Supplier<ValueEditor> factory) {
    this.ctx = ctx;
    this.factory = factory;
    add.getStyleClass().add("add-answer");
    add.setOnAction(
        e -> {
          addSlot(null);
          editors.get(editors.size() - 1).focusTarget().requestFocus();
        });
    root = new VBox(4, slotsBox, add);
    relabel();
    addSlot(null);
  }

  private void addSlot(@Nullable AnswerValue value) {
    ValueEditor ed = factory.get();
    editors.add(ed);
    values.add(value);
    ed.show(value);
    ed.setReadOnly(readOnly);
    ed.setPrompt(prompt);
    ed.onLocalError = localError;
    ed.onValue =
        v -> {
          int i = editors.indexOf(ed);
          values.set(i, v.orElse(null));
          commitValues();
        };
    Button remove = new Button("✕");
    remove.getStyleClass().add("row-button");
    remove.setFocusTraversable(false);
    remove.accessibleTextProperty().bind(ctx.i18n.text("form.ui.answer.remove"));
    remove.setOnAction(
        e -> {
          int i = editors.indexOf(ed);
          editors.remove(i);
          values.remove(i);
          slotsBox.getChildren().remove(i);
          if (editors.isEmpty()) {
            addSlot(null);
          }
          commitValues();
        });
    remove.disableProperty().set(readOnly);
    slotsBox.getChildren().add(new HBox(4, ed.node(), remove));
  }

  private void commitValues() {
    commit.accept(values.stream().filter(Objects::nonNull).toList());
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public Node focusTarget() {
    return editors.get(0).focusTarget();
  }

  @Override
  public void show(List<AnswerValue> answers) {
    if (answers.equals(values.stream().filter(Objects::nonNull).toList())) {
      return;
    }
    editors.clear();
    values.clear();
    slotsBox.getChildren().clear();
    for (AnswerValue a : answers) {
      addSlot(a);
    }
    if (answers.isEmpty()) {
      addSlot(null);
    }
  }

  @Override
  public void setReadOnly(boolean readOnly) {
    this.readOnly = readOnly;
    editors.forEach(e -> e.setReadOnly(readOnly));
    add.setDisable(readOnly);
  }

  @Override
  public void bind(Consumer<List<AnswerValue>> commit, Consumer<@Nullable String> localError) {
    this.commit = commit;
    this.localError = localError;
    editors.forEach(e -> e.onLocalError = localError);
  }

  @Override
  public void setPrompt(String prompt) {
    this.prompt = prompt;
    editors.forEach(e -> e.setPrompt(prompt));
  }

  @Override
  public void relabel() {
    add.setText(ctx.msg("form.ui.answer.add"));
    editors.forEach(ValueEditor::relabel);
  }
}
