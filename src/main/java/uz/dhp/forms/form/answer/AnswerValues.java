package uz.dhp.forms.form.answer;

import java.math.BigDecimal;
import java.time.LocalTime;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hl7.fhir.r5.model.Attachment;
import org.hl7.fhir.r5.model.BooleanType;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.DataType;
import org.hl7.fhir.r5.model.DateTimeType;
import org.hl7.fhir.r5.model.DateType;
import org.hl7.fhir.r5.model.DecimalType;
import org.hl7.fhir.r5.model.IntegerType;
import org.hl7.fhir.r5.model.Quantity;
import org.hl7.fhir.r5.model.Reference;
import org.hl7.fhir.r5.model.StringType;
import org.hl7.fhir.r5.model.TimeType;
import org.hl7.fhir.r5.model.UriType;
import uz.dhp.forms.form.definition.AnswerValue;

/** Converts between {@link AnswerValue} and HAPI R5 data types. */
public final class AnswerValues {

  private AnswerValues() {}

  public static DataType toFhir(AnswerValue v) {
    if (v instanceof AnswerValue.BooleanValue b) {
      return new BooleanType(b.value());
    } else if (v instanceof AnswerValue.IntegerValue i) {
      return new IntegerType(Math.toIntExact(i.value()));
    } else if (v instanceof AnswerValue.DecimalValue d) {
      return new DecimalType(d.value());
    } else if (v instanceof AnswerValue.DateValue d) {
      return new DateType(d.value());
    } else if (v instanceof AnswerValue.DateTimeValue d) {
      return new DateTimeType(d.value());
    } else if (v instanceof AnswerValue.TimeValue t) {
      return new TimeType(t.value().toString());
    } else if (v instanceof AnswerValue.StringValue s) {
      return new StringType(s.value());
    } else if (v instanceof AnswerValue.UriValue u) {
      return new UriType(u.value());
    } else if (v instanceof AnswerValue.CodingValue c) {
      return new Coding(c.system(), c.code(), c.display());
    } else if (v instanceof AnswerValue.QuantityValue q) {
      Quantity quantity = new Quantity();
      quantity.setValue(q.value());
      quantity.setUnit(q.unit());
      quantity.setSystem(q.system());
      quantity.setCode(q.code());
      return quantity;
    } else if (v instanceof AnswerValue.AttachmentValue a) {
      Attachment att = new Attachment();
      att.setContentType(a.contentType());
      if (a.dataBase64() != null) {
        att.setDataElement(new org.hl7.fhir.r5.model.Base64BinaryType(a.dataBase64()));
      }
      att.setUrl(a.url());
      att.setTitle(a.title());
      if (a.size() != null) {
        att.setSize(a.size());
      }
      return att;
    } else if (v instanceof AnswerValue.ReferenceValue r) {
      return new Reference(r.reference()).setDisplay(r.display());
    }
    throw new IllegalArgumentException("unknown answer kind " + v);
  }

  /** The value for a HAPI type; empty/unsupported types give {@code null}. */
  public static @Nullable AnswerValue fromFhir(@Nullable DataType t) {
    if (t == null || t.isEmpty()) {
      return null;
    }
    if (t instanceof BooleanType b) {
      return new AnswerValue.BooleanValue(b.booleanValue());
    } else if (t instanceof IntegerType i) {
      return new AnswerValue.IntegerValue(i.getValue());
    } else if (t instanceof DecimalType d) {
      return new AnswerValue.DecimalValue(d.getValue());
    } else if (t instanceof DateType d) {
      return new AnswerValue.DateValue(d.getValueAsString());
    } else if (t instanceof DateTimeType d) {
      return new AnswerValue.DateTimeValue(d.getValueAsString());
    } else if (t instanceof TimeType tt) {
      return new AnswerValue.TimeValue(LocalTime.parse(tt.getValue()));
    } else if (t instanceof UriType u) {
      return new AnswerValue.UriValue(u.getValue());
    } else if (t instanceof StringType s) {
      return new AnswerValue.StringValue(s.getValue());
    } else if (t instanceof Coding c) {
      return new AnswerValue.CodingValue(c.getSystem(), c.getCode(), c.getDisplay());
    } else if (t instanceof Quantity q) {
      BigDecimal value = q.hasValue() ? q.getValue() : null;
      return value == null
          ? null
          : new AnswerValue.QuantityValue(value, q.getUnit(), q.getSystem(), q.getCode());
    } else if (t instanceof Attachment a) {
      return new AnswerValue.AttachmentValue(
          a.getContentType(),
          a.hasData() ? a.getDataElement().getValueAsString() : null,
          a.getUrl(),
          a.getTitle(),
          a.hasSize() ? a.getSize() : null);
    } else if (t instanceof Reference r) {
      return r.hasReference()
          ? new AnswerValue.ReferenceValue(r.getReference(), r.getDisplay())
          : null;
    }
    return null;
  }
}
