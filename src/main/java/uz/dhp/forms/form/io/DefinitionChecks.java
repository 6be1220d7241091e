package uz.dhp.forms.form.io;

import java.util.List;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.EnableWhen;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.ItemType;
import uz.dhp.forms.terminology.TerminologySource;

/** Checks across items: enableWhen targets and types, value sets, sensible flags. */
final class DefinitionChecks {

  /** An absolute canonical URL (optionally with |version). */
  private static final java.util.regex.Pattern CANONICAL =
      java.util.regex.Pattern.compile("(https?://|urn:(uuid|oid):)[^\\s|]+(\\|[^\\s|]+)?");

  private DefinitionChecks() {}

  /** Throws {@link Rejection} on the first problem; returns warnings that do not block use. */
  static List<FormProblem> check(FormDefinition def, TerminologySource terminology) {
    List<FormProblem> warnings = new java.util.ArrayList<>();
    for (FormItem item : def.index().all()) {
      var c = item.common();
      for (EnableWhen ew : c.enableWhen()) {
        enableWhen(def, item, ew);
      }
      if (c.required() && !item.type().isQuestion()) {
        if (item.type() == ItemType.DISPLAY) {
          throw Rejection.of(item.linkId(), "form.check.required.display");
        }
      }
      boolean filledByForm =
          c.calculatedExpression() != null
              || c.initialExpression() != null
              || !c.initial().isEmpty();
      if (c.required()
          && (c.readOnly() || c.hidden())
          && item.type().isQuestion()
          && !filledByForm) {
        throw Rejection.of(item.linkId(), "form.check.required.unfillable");
      }
      if (item instanceof FormItem.ChoiceItem ch && ch.answerValueSet() != null) {
        String vs = ch.answerValueSet();
        if (vs.startsWith("#")) {
          throw Rejection.of(item.linkId(), "form.check.valueSet.contained", vs);
        }
        if (!CANONICAL.matcher(vs).matches()) {
          throw Rejection.of(item.linkId(), "form.check.valueSet.invalid", vs);
        }
        var found = terminology.expand(vs);
        if (found.isEmpty()) {
          // Not a defect of the form: the code list has not been imported on this PC yet. The
          // form stays usable; codes are accepted unchecked until the list is imported.
          warnings.add(FormProblem.of(item.linkId(), "form.check.valueSet.notImported", vs));
          continue;
        }
        var expansion = found.get();
        if (!expansion.isComplete()) {
          warnings.add(
              FormProblem.of(
                  item.linkId(),
                  "form.check.valueSet.incomplete",
                  vs,
                  String.join(", ", expansion.missingSystems())));
        }
      }
    }
    return warnings;
  }

  private static void enableWhen(FormDefinition def, FormItem item, EnableWhen ew) {
    String id = item.linkId();
    FormItem q =
        def.index()
            .find(ew.question())
            .orElseThrow(
                () -> Rejection.of(id, "form.check.enableWhen.unknownQuestion", ew.question()));
    if (!q.type().isQuestion()) {
      throw Rejection.of(id, "form.check.enableWhen.notAQuestion", ew.question(), q.type().code());
    }
    AnswerValue a = ew.answer();
    if (ew.operator() == EnableWhen.Operator.EXISTS) {
      if (!(a instanceof AnswerValue.BooleanValue)) {
        throw Rejection.of(
            id, "form.check.enableWhen.answerType", ew.question(), "boolean", a.fhirType());
      }
      return;
    }
    if (!compatible(q, a)) {
      throw Rejection.of(
          id, "form.check.enableWhen.answerType", ew.question(), q.type().code(), a.fhirType());
    }
    if (ew.operator().isOrdering() && !ordered(q.type())) {
      throw Rejection.of(
          id, "form.check.enableWhen.operator", ew.operator().code(), q.type().code());
    }
  }

  private static boolean compatible(FormItem q, AnswerValue a) {
    return switch (q.type()) {
      case BOOLEAN -> a instanceof AnswerValue.BooleanValue;
      case INTEGER, DECIMAL ->
          a instanceof AnswerValue.IntegerValue || a instanceof AnswerValue.DecimalValue;
      case DATE, DATE_TIME ->
          a instanceof AnswerValue.DateValue || a instanceof AnswerValue.DateTimeValue;
      case TIME -> a instanceof AnswerValue.TimeValue;
      case STRING, TEXT, URL ->
          a instanceof AnswerValue.StringValue || a instanceof AnswerValue.UriValue;
      case CODING ->
          a instanceof AnswerValue.CodingValue
              || (a instanceof AnswerValue.StringValue
                  && q instanceof FormItem.ChoiceItem c
                  && c.constraint() == FormItem.AnswerConstraint.OPTIONS_OR_STRING);
      case QUANTITY -> a instanceof AnswerValue.QuantityValue;
      case REFERENCE -> a instanceof AnswerValue.ReferenceValue;
      case ATTACHMENT, GROUP, DISPLAY -> false;
    };
  }

  private static boolean ordered(ItemType t) {
    return List.of(
            ItemType.INTEGER,
            ItemType.DECIMAL,
            ItemType.DATE,
            ItemType.DATE_TIME,
            ItemType.TIME,
            ItemType.STRING,
            ItemType.TEXT,
            ItemType.QUANTITY)
        .contains(t);
  }
}
