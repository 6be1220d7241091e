package uz.dhp.forms.form.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;

/** A question with at most one answer, edited by one value editor. */
final class SingleAnswer implements AnswersEditor {

  private final ValueEditor editor;

  SingleAnswer(ValueEditor editor) {
    this.editor = editor;
  }

  @Override
  public Node node() {
    return editor.node();
  }

  @Override
  public Node focusTarget() {
    return editor.focusTarget();
  }

  @Override
  public void show(List<AnswerValue> answers) {
    editor.show(answers.isEmpty() ? null : answers.get(0));
  }

  @Override
  public void setReadOnly(boolean readOnly) {
    editor.setReadOnly(readOnly);
  }

  @Override
  public void bind(Consumer<List<AnswerValue>> commit, Consumer<@Nullable String> localError) {
    editor.onValue = v -> commit.accept(v.map(List::of).orElse(List.of()));
    editor.onLocalError = localError;
  }

  @Override
  public void setPrompt(String prompt) {
    editor.setPrompt(prompt);
  }

  @Override
  public void relabel() {
    editor.relabel();
  }
}
