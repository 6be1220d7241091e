package uz.dhp.forms.form.rules;

import java.util.List;
import java.util.OptionalInt;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.EnableWhen;
import uz.dhp.forms.form.definition.EnableWhen.Operator;

/**
 * One enableWhen condition against the answers of its question (answers of disabled questions are
 * passed as empty). {@code !=} holds when no answer equals the value (so also with no answer), the
 * other comparisons when at least one answer satisfies them.
 */
public final class EnableWhenEvaluator {

  private EnableWhenEvaluator() {}

  public static boolean holds(EnableWhen condition, List<AnswerValue> answers) {
    Operator op = condition.operator();
    AnswerValue expected = condition.answer();
    if (op == Operator.EXISTS) {
      boolean mustExist = !(expected instanceof AnswerValue.BooleanValue b) || b.value();
      return mustExist != answers.isEmpty();
    }
    if (expected == null) {
      return false;
    }
    if (op == Operator.NOT_EQUAL) {
      return answers.stream().noneMatch(a -> ValueComparison.equal(a, expected));
    }
    for (AnswerValue a : answers) {
      if (test(op, a, expected)) {
        return true;
      }
    }
    return false;
  }

  private static boolean test(Operator op, AnswerValue actual, AnswerValue expected) {
    if (op == Operator.EQUAL) {
      return ValueComparison.equal(actual, expected);
    }
    OptionalInt c = ValueComparison.compare(actual, expected);
    if (c.isEmpty()) {
      return false;
    }
    int r = c.getAsInt();
    return switch (op) {
      case GREATER -> r > 0;
      case LESS -> r < 0;
      case GREATER_OR_EQUAL -> r >= 0;
      case LESS_OR_EQUAL -> r <= 0;
      default -> false;
    };
  }

  /** Combines condition results by enableBehavior (empty list: enabled). */
  public static boolean combine(EnableWhen.Behavior behavior, List<Boolean> results) {
    if (results.isEmpty()) {
      return true;
    }
    return behavior == EnableWhen.Behavior.ANY
        ? results.contains(Boolean.TRUE)
        : !results.contains(Boolean.FALSE);
  }
}
