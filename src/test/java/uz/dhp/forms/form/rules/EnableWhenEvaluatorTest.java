package uz.dhp.forms.form.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.AnswerValue.BooleanValue;
import uz.dhp.forms.form.definition.AnswerValue.CodingValue;
import uz.dhp.forms.form.definition.AnswerValue.DateTimeValue;
import uz.dhp.forms.form.definition.AnswerValue.DateValue;
import uz.dhp.forms.form.definition.AnswerValue.DecimalValue;
import uz.dhp.forms.form.definition.AnswerValue.IntegerValue;
import uz.dhp.forms.form.definition.AnswerValue.QuantityValue;
import uz.dhp.forms.form.definition.AnswerValue.StringValue;
import uz.dhp.forms.form.definition.AnswerValue.TimeValue;
import uz.dhp.forms.form.definition.EnableWhen;
import uz.dhp.forms.form.definition.EnableWhen.Operator;

/** Every enableWhen operator against every answer type, as a table. */
class EnableWhenEvaluatorTest {

  static AnswerValue i(long v) {
    return new IntegerValue(v);
  }

  static AnswerValue d(String v) {
    return new DecimalValue(new BigDecimal(v));
  }

  static AnswerValue q(String v, String unit) {
    return new QuantityValue(new BigDecimal(v), unit, "http://unitsofmeasure.org", unit);
  }

  static AnswerValue c(String code) {
    return new CodingValue("http://x", code, null);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // actual, operator, expected, result
        Arguments.of(i(5), Operator.EQUAL, i(5), true),
        Arguments.of(i(5), Operator.EQUAL, i(6), false),
        Arguments.of(i(5), Operator.NOT_EQUAL, i(6), true),
        Arguments.of(i(5), Operator.NOT_EQUAL, i(5), false),
        Arguments.of(i(5), Operator.GREATER, i(4), true),
        Arguments.of(i(5), Operator.GREATER, i(5), false),
        Arguments.of(i(5), Operator.LESS, i(6), true),
        Arguments.of(i(5), Operator.LESS, i(5), false),
        Arguments.of(i(5), Operator.GREATER_OR_EQUAL, i(5), true),
        Arguments.of(i(4), Operator.GREATER_OR_EQUAL, i(5), false),
        Arguments.of(i(5), Operator.LESS_OR_EQUAL, i(5), true),
        Arguments.of(i(6), Operator.LESS_OR_EQUAL, i(5), false),
        Arguments.of(d("2.50"), Operator.EQUAL, d("2.5"), true),
        Arguments.of(d("2.5"), Operator.GREATER, i(2), true),
        Arguments.of(d("1.9"), Operator.GREATER_OR_EQUAL, d("2"), false),
        Arguments.of(d("1.9"), Operator.LESS, d("2"), true),
        Arguments.of(
            new DateValue("2024-05-01"), Operator.GREATER, new DateValue("2024-04-30"), true),
        Arguments.of(
            new DateValue("2024-05-01"), Operator.LESS, new DateValue("2024-04-30"), false),
        Arguments.of(
            new DateValue("2024-05-01"), Operator.EQUAL, new DateValue("2024-05-01"), true),
        Arguments.of(
            new DateValue("2024-05-01"), Operator.LESS_OR_EQUAL, new DateValue("2024-05-01"), true),
        Arguments.of(
            new DateTimeValue("2024-05-01T10:00:00+05:00"),
            Operator.LESS,
            new DateTimeValue("2024-05-01T06:00:00Z"),
            true),
        Arguments.of(
            new DateTimeValue("2024-05-01T10:00:00+05:00"),
            Operator.EQUAL,
            new DateTimeValue("2024-05-01T05:00:00Z"),
            true),
        Arguments.of(
            new TimeValue(LocalTime.of(8, 0)),
            Operator.LESS,
            new TimeValue(LocalTime.of(9, 30)),
            true),
        Arguments.of(
            new TimeValue(LocalTime.of(10, 0)),
            Operator.GREATER_OR_EQUAL,
            new TimeValue(LocalTime.of(9, 30)),
            true),
        Arguments.of(new StringValue("abc"), Operator.EQUAL, new StringValue("abc"), true),
        Arguments.of(new StringValue("abc"), Operator.NOT_EQUAL, new StringValue("abd"), true),
        Arguments.of(new StringValue("b"), Operator.GREATER, new StringValue("a"), true),
        Arguments.of(new BooleanValue(true), Operator.EQUAL, new BooleanValue(true), true),
        Arguments.of(new BooleanValue(false), Operator.EQUAL, new BooleanValue(true), false),
        Arguments.of(new BooleanValue(false), Operator.NOT_EQUAL, new BooleanValue(true), true),
        Arguments.of(c("a"), Operator.EQUAL, c("a"), true),
        Arguments.of(c("a"), Operator.EQUAL, new CodingValue(null, "a", null), true),
        Arguments.of(c("a"), Operator.EQUAL, new CodingValue("http://other", "a", null), false),
        Arguments.of(c("a"), Operator.NOT_EQUAL, c("b"), true),
        Arguments.of(c("a"), Operator.GREATER, c("b"), false),
        Arguments.of(q("70", "kg"), Operator.GREATER, q("60", "kg"), true),
        Arguments.of(q("70", "kg"), Operator.EQUAL, q("70.0", "kg"), true),
        Arguments.of(q("70", "kg"), Operator.GREATER, q("60", "[lb_av]"), false),
        Arguments.of(q("70", "kg"), Operator.LESS_OR_EQUAL, q("70", "kg"), true));
  }

  @ParameterizedTest(name = "{0} {1} {2} = {3}")
  @MethodSource("table")
  void operatorOnType(AnswerValue actual, Operator op, AnswerValue expected, boolean result) {
    assertThat(EnableWhenEvaluator.holds(new EnableWhen("q", op, expected), List.of(actual)))
        .isEqualTo(result);
  }

  @Test
  void existsTrueAndFalse() {
    EnableWhen exists = new EnableWhen("q", Operator.EXISTS, new BooleanValue(true));
    EnableWhen absent = new EnableWhen("q", Operator.EXISTS, new BooleanValue(false));
    assertThat(EnableWhenEvaluator.holds(exists, List.of(i(1)))).isTrue();
    assertThat(EnableWhenEvaluator.holds(exists, List.of())).isFalse();
    assertThat(EnableWhenEvaluator.holds(absent, List.of())).isTrue();
    assertThat(EnableWhenEvaluator.holds(absent, List.of(i(1)))).isFalse();
  }

  @Test
  void withoutAnswerOnlyNotEqualHolds() {
    for (Operator op : Operator.values()) {
      if (op == Operator.EXISTS) {
        continue;
      }
      assertThat(EnableWhenEvaluator.holds(new EnableWhen("q", op, i(1)), List.of()))
          .as(op.code())
          .isEqualTo(op == Operator.NOT_EQUAL);
    }
  }

  @Test
  void repeatedAnswersMatchIfAnyMatches() {
    assertThat(
            EnableWhenEvaluator.holds(
                new EnableWhen("q", Operator.EQUAL, c("b")), List.of(c("a"), c("b"))))
        .isTrue();
    assertThat(
            EnableWhenEvaluator.holds(
                new EnableWhen("q", Operator.NOT_EQUAL, c("b")), List.of(c("a"), c("b"))))
        .isFalse();
  }

  @Test
  void enableBehaviorAllAndAny() {
    assertThat(EnableWhenEvaluator.combine(EnableWhen.Behavior.ALL, List.of(true, true))).isTrue();
    assertThat(EnableWhenEvaluator.combine(EnableWhen.Behavior.ALL, List.of(true, false)))
        .isFalse();
    assertThat(EnableWhenEvaluator.combine(EnableWhen.Behavior.ANY, List.of(false, true))).isTrue();
    assertThat(EnableWhenEvaluator.combine(EnableWhen.Behavior.ANY, List.of(false, false)))
        .isFalse();
  }
}
