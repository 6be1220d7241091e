package uz.dhp.forms.form.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r5.model.Base;
import org.hl7.fhir.r5.model.DataType;
import org.hl7.fhir.r5.model.DateTimeType;
import org.hl7.fhir.r5.model.DateType;
import org.hl7.fhir.r5.model.DecimalType;
import org.hl7.fhir.r5.model.IntegerType;
import org.hl7.fhir.r5.model.Quantity;
import uz.dhp.forms.form.answer.AnswerValues;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormItem;

/** Turns FHIRPath results into answers of the item's type (calculated and initial values). */
final class ResultConversion {

  private ResultConversion() {}

  static List<AnswerValue> toAnswers(FormItem item, List<Base> results) {
    List<AnswerValue> out = new ArrayList<>();
    for (Base b : results) {
      AnswerValue v = convert(item, b);
      if (v != null) {
        out.add(v);
        if (!item.common().repeats()) {
          break;
        }
      }
    }
    return out;
  }

  private static AnswerValue convert(FormItem item, Base b) {
    switch (item.type()) {
      case DECIMAL -> {
        BigDecimal d = decimal(b);
        if (d == null) {
          return null;
        }
        Integer places = item instanceof FormItem.NumberItem n ? n.maxDecimalPlaces() : null;
        return new AnswerValue.DecimalValue(
            places == null ? d : d.setScale(places, RoundingMode.HALF_UP).stripTrailingZeros());
      }
      case INTEGER -> {
        BigDecimal d = decimal(b);
        return d == null
            ? null
            : new AnswerValue.IntegerValue(d.setScale(0, RoundingMode.HALF_UP).longValue());
      }
      case STRING, TEXT -> {
        return b.isPrimitive() ? new AnswerValue.StringValue(b.primitiveValue()) : null;
      }
      case DATE -> {
        if (b instanceof DateTimeType dt && !(b instanceof DateType)) {
          String s = dt.getValueAsString();
          return new AnswerValue.DateValue(s.length() > 10 ? s.substring(0, 10) : s);
        }
        return b instanceof DataType dt ? AnswerValues.fromFhir(dt) : null;
      }
      case QUANTITY -> {
        if (b instanceof Quantity q) {
          return AnswerValues.fromFhir(q);
        }
        BigDecimal d = decimal(b);
        if (d == null) {
          return null;
        }
        var units = ((FormItem.QuantityItem) item).unitOptions();
        var u = units.isEmpty() ? null : units.get(0);
        return new AnswerValue.QuantityValue(
            d,
            u == null ? null : u.display(),
            u == null ? null : u.system(),
            u == null ? null : u.code());
      }
      default -> {
        AnswerValue v = b instanceof DataType dt ? AnswerValues.fromFhir(dt) : null;
        return v != null && AnswerValidator.typeFits(item, v) ? v : null;
      }
    }
  }

  private static BigDecimal decimal(Base b) {
    if (b instanceof DecimalType d) {
      return d.getValue();
    }
    if (b instanceof IntegerType i) {
      return BigDecimal.valueOf(i.getValue());
    }
    if (b instanceof Quantity q && q.hasValue()) {
      return q.getValue();
    }
    return null;
  }
}
