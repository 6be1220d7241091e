package uz.dhp.forms.form.io;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hl7.fhir.r5.model.BooleanType;
import org.hl7.fhir.r5.model.CodeableConcept;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.DataType;
import org.hl7.fhir.r5.model.DecimalType;
import org.hl7.fhir.r5.model.Element;
import org.hl7.fhir.r5.model.Expression;
import org.hl7.fhir.r5.model.Extension;
import org.hl7.fhir.r5.model.IntegerType;
import org.hl7.fhir.r5.model.PrimitiveType;
import org.hl7.fhir.r5.model.StringType;
import uz.dhp.forms.form.definition.LocalizedText;

/** Typed reading of the SDC / core extensions a form uses; a wrong value type is a problem. */
final class Extensions {

  static final String CORE = "http://hl7.org/fhir/StructureDefinition/";
  static final String SDC = "http://hl7.org/fhir/uv/sdc/StructureDefinition/";
  static final String TRANSLATION = CORE + "translation";
  static final String ITEM_CONTROL = CORE + "questionnaire-itemControl";
  static final String HIDDEN = CORE + "questionnaire-hidden";
  static final String MIN_VALUE = CORE + "minValue";
  static final String MAX_VALUE = CORE + "maxValue";
  static final String MIN_LENGTH = CORE + "minLength";
  static final String REGEX = CORE + "regex";
  static final String MAX_DECIMAL_PLACES = CORE + "maxDecimalPlaces";
  static final String ENTRY_FORMAT = CORE + "entryFormat";
  static final String UNIT = CORE + "questionnaire-unit";
  static final String UNIT_OPTION = CORE + "questionnaire-unitOption";
  static final String MAX_SIZE = CORE + "maxSize";
  static final String MIME_TYPE = CORE + "mimeType";
  static final String REFERENCE_RESOURCE = CORE + "questionnaire-referenceResource";
  static final String VARIABLE = CORE + "variable";
  static final String ENABLE_WHEN_EXPRESSION = SDC + "sdc-questionnaire-enableWhenExpression";
  static final String CALCULATED_EXPRESSION = SDC + "sdc-questionnaire-calculatedExpression";
  static final String INITIAL_EXPRESSION = SDC + "sdc-questionnaire-initialExpression";
  static final String TARGET_CONSTRAINT = CORE + "targetConstraint";
  static final String MAX_OCCURS = CORE + "questionnaire-maxOccurs";
  static final String MIN_QUANTITY = SDC + "sdc-questionnaire-minQuantity";
  static final String MAX_QUANTITY = SDC + "sdc-questionnaire-maxQuantity";
  static final String LAUNCH_CONTEXT = SDC + "sdc-questionnaire-launchContext";

  private Extensions() {}

  static @Nullable DataType value(Element e, String url, String linkId, Class<?>... allowed) {
    List<Extension> found = e.getExtensionsByUrl(url);
    if (found.isEmpty()) {
      return null;
    }
    DataType v = found.get(0).getValue();
    for (Class<?> c : allowed) {
      if (c.isInstance(v)) {
        return v;
      }
    }
    throw Rejection.of(
        linkId,
        "form.check.extension.valueType",
        shortName(url),
        allowed.length == 0 ? "-" : allowed[0].getSimpleName().replace("Type", ""),
        v == null ? "-" : v.fhirType());
  }

  static @Nullable Integer integer(Element e, String url, String linkId) {
    DataType v = value(e, url, linkId, IntegerType.class);
    return v == null ? null : ((IntegerType) v).getValue();
  }

  static @Nullable String string(Element e, String url, String linkId) {
    DataType v = value(e, url, linkId, StringType.class);
    return v == null ? null : ((StringType) v).getValue();
  }

  static boolean bool(Element e, String url, String linkId) {
    DataType v = value(e, url, linkId, BooleanType.class);
    return v != null && ((BooleanType) v).booleanValue();
  }

  static @Nullable BigDecimal decimal(Element e, String url, String linkId) {
    DataType v = value(e, url, linkId, DecimalType.class, IntegerType.class);
    if (v == null) {
      return null;
    }
    return v instanceof DecimalType d
        ? d.getValue()
        : BigDecimal.valueOf(((IntegerType) v).getValue());
  }

  static @Nullable Coding coding(Element e, String url, String linkId) {
    return (Coding) value(e, url, linkId, Coding.class);
  }

  static @Nullable String controlCode(Element e, String linkId) {
    CodeableConcept cc = (CodeableConcept) value(e, ITEM_CONTROL, linkId, CodeableConcept.class);
    return cc == null || !cc.hasCoding() ? null : cc.getCodingFirstRep().getCode();
  }

  /** The expression of an SDC expression extension; only FHIRPath is supported. */
  static @Nullable String expression(Element e, String url, String linkId) {
    Expression x = (Expression) value(e, url, linkId, Expression.class);
    return x == null ? null : checkedExpression(x, linkId);
  }

  static String checkedExpression(Expression x, String linkId) {
    if (x.hasLanguage() && !"text/fhirpath".equals(x.getLanguage())) {
      throw Rejection.of(linkId, "form.check.expression.language", x.getLanguage());
    }
    if (!x.hasExpression()) {
      throw Rejection.of(linkId, "form.check.expression.empty");
    }
    return x.getExpression();
  }

  /** Text with its {@code translation} extensions. */
  static LocalizedText text(@Nullable PrimitiveType<?> element, String linkId) {
    if (element == null || (!element.hasValue() && !element.hasExtension())) {
      return LocalizedText.EMPTY;
    }
    Map<String, String> tr = new HashMap<>();
    for (Extension t : element.getExtensionsByUrl(TRANSLATION)) {
      Extension lang = t.getExtensionByUrl("lang");
      Extension content = t.getExtensionByUrl("content");
      if (lang == null || content == null || !lang.hasValue() || !content.hasValue()) {
        throw Rejection.of(linkId, "form.check.translation.incomplete");
      }
      if (!(content.getValue() instanceof StringType s)) {
        throw Rejection.of(
            linkId,
            "form.check.extension.valueType",
            "translation",
            "string",
            content.getValue().fhirType());
      }
      tr.put(lang.getValue().primitiveValue(), s.getValue());
    }
    return new LocalizedText(element.hasValue() ? element.getValueAsString() : "", tr);
  }

  static String shortName(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
