package uz.dhp.forms.form.ui;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;

/** An editor for one answer value; {@link SingleAnswer} and {@link RepeatedAnswers} hold them. */
abstract class ValueEditor {

  static final PseudoClass READ_ONLY = PseudoClass.getPseudoClass("read-only");

  Consumer<Optional<AnswerValue>> onValue = v -> {};
  Consumer<@Nullable String> onLocalError = k -> {};

  abstract Node node();

  abstract Node focusTarget();

  /** Shows a value from the session (null: no answer). */
  abstract void show(@Nullable AnswerValue value);

  abstract void setReadOnly(boolean readOnly);

  void setPrompt(String prompt) {}

  void relabel() {}
}
