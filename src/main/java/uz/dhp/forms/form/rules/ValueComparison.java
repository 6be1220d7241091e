package uz.dhp.forms.form.rules;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.OptionalInt;
import uz.dhp.forms.form.definition.AnswerValue;

/** Equality and order between answer values, as enableWhen and min/max need them. */
final class ValueComparison {

  private ValueComparison() {}

  static boolean equal(AnswerValue a, AnswerValue b) {
    BigDecimal na = number(a);
    BigDecimal nb = number(b);
    if (na != null && nb != null && !(a instanceof AnswerValue.QuantityValue)) {
      return na.compareTo(nb) == 0;
    }
    if (a instanceof AnswerValue.CodingValue ca && b instanceof AnswerValue.CodingValue cb) {
      // An enableWhen answer without a system matches the code in any system.
      return ca.code().equals(cb.code())
          && (ca.system() == null || cb.system() == null || ca.system().equals(cb.system()));
    }
    if (a instanceof AnswerValue.QuantityValue qa && b instanceof AnswerValue.QuantityValue qb) {
      return qa.value().compareTo(qb.value()) == 0 && sameUnit(qa, qb);
    }
    if (a instanceof AnswerValue.ReferenceValue ra && b instanceof AnswerValue.ReferenceValue rb) {
      return ra.reference().equals(rb.reference());
    }
    OptionalInt c = compare(a, b);
    if (c.isPresent()) {
      return c.getAsInt() == 0;
    }
    return a.equals(b);
  }

  /** Order of two values of comparable types; empty if not comparable. */
  static OptionalInt compare(AnswerValue a, AnswerValue b) {
    BigDecimal na = number(a);
    BigDecimal nb = number(b);
    if (a instanceof AnswerValue.QuantityValue qa && b instanceof AnswerValue.QuantityValue qb) {
      return sameUnit(qa, qb)
          ? OptionalInt.of(qa.value().compareTo(qb.value()))
          : OptionalInt.empty();
    }
    if (na != null && nb != null) {
      return OptionalInt.of(na.compareTo(nb));
    }
    String ta = temporal(a);
    String tb = temporal(b);
    if (ta != null && tb != null && a.getClass() == b.getClass()) {
      return compareTemporal(ta, tb);
    }
    if (ta != null && tb != null) {
      // date vs dateTime: compare on the common (date) precision.
      int len = Math.min(Math.min(ta.length(), tb.length()), 10);
      return OptionalInt.of(ta.substring(0, len).compareTo(tb.substring(0, len)));
    }
    if (a instanceof AnswerValue.StringValue sa && b instanceof AnswerValue.StringValue sb) {
      return OptionalInt.of(sa.value().compareTo(sb.value()));
    }
    return OptionalInt.empty();
  }

  private static OptionalInt compareTemporal(String a, String b) {
    if (a.length() > 10 && b.length() > 10 && a.contains("T") && b.contains("T")) {
      try {
        return OptionalInt.of(
            OffsetDateTime.parse(a).toInstant().compareTo(OffsetDateTime.parse(b).toInstant()));
      } catch (RuntimeException e) {
        return OptionalInt.of(a.compareTo(b));
      }
    }
    if (a.length() != b.length() && !(a.contains(":") && b.contains(":"))) {
      // Different precision (2024 vs 2024-05-01): compare the common prefix only.
      int len = Math.min(a.length(), b.length());
      return OptionalInt.of(a.substring(0, len).compareTo(b.substring(0, len)));
    }
    return OptionalInt.of(a.compareTo(b));
  }

  private static boolean sameUnit(AnswerValue.QuantityValue a, AnswerValue.QuantityValue b) {
    if (a.code() != null && b.code() != null) {
      return a.code().equals(b.code()) && Objects.equals(a.system(), b.system());
    }
    return Objects.equals(a.unit(), b.unit());
  }

  static BigDecimal number(AnswerValue v) {
    if (v instanceof AnswerValue.IntegerValue i) {
      return BigDecimal.valueOf(i.value());
    }
    if (v instanceof AnswerValue.DecimalValue d) {
      return d.value();
    }
    return null;
  }

  private static String temporal(AnswerValue v) {
    if (v instanceof AnswerValue.DateValue d) {
      return d.value();
    }
    if (v instanceof AnswerValue.DateTimeValue d) {
      return d.value();
    }
    if (v instanceof AnswerValue.TimeValue t) {
      return t.value().toString();
    }
    return null;
  }
}
