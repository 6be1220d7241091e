package uz.dhp.forms.form.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;

/** The input part of a question: shows the item's answers and reports the user's edits. */
interface AnswersEditor {

  Node node();

  /** The control that takes focus (label target, Enter/F8/finder jumps). */
  Node focusTarget();

  /** Shows the answers from the session; must not disturb text that already means them. */
  void show(List<AnswerValue> answers);

  void setReadOnly(boolean readOnly);

  /**
   * @param commit receives the complete new answer list after a user edit
   * @param localError receives a message key when typed text is not a value (e.g. not a date), or
   *     null when it is fine again
   */
  void bind(Consumer<List<AnswerValue>> commit, Consumer<@Nullable String> localError);

  /** SDC entryFormat, shown as prompt text. */
  default void setPrompt(String prompt) {}

  /** Language changed: option labels etc. */
  default void relabel() {}
}
