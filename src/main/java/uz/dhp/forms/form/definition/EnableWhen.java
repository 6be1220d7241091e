package uz.dhp.forms.form.definition;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One {@code enableWhen} condition.
 *
 * @param question linkId of the question the condition looks at
 * @param answer the value compared with; for {@link Operator#EXISTS} a {@link
 *     AnswerValue.BooleanValue} saying whether an answer must exist
 */
public record EnableWhen(String question, Operator operator, @Nullable AnswerValue answer) {

  /** The R5 {@code QuestionnaireItemOperator} codes. */
  public enum Operator {
    EXISTS("exists"),
    EQUAL("="),
    NOT_EQUAL("!="),
    GREATER(">"),
    LESS("<"),
    GREATER_OR_EQUAL(">="),
    LESS_OR_EQUAL("<=");

    private final String code;

    Operator(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    /** Operators that need an order on the answer type. */
    public boolean isOrdering() {
      return this == GREATER || this == LESS || this == GREATER_OR_EQUAL || this == LESS_OR_EQUAL;
    }

    public static @Nullable Operator fromCode(String code) {
      for (Operator o : values()) {
        if (o.code.equals(code)) {
          return o;
        }
      }
      return null;
    }
  }

  /** {@code enableBehavior}: all conditions must hold, or any one. */
  public enum Behavior {
    ALL,
    ANY
  }
}
