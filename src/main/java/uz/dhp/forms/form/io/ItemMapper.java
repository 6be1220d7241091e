package uz.dhp.forms.form.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.DataType;
import org.hl7.fhir.r5.model.DateTimeType;
import org.hl7.fhir.r5.model.DateType;
import org.hl7.fhir.r5.model.Expression;
import org.hl7.fhir.r5.model.Extension;
import org.hl7.fhir.r5.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r5.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r5.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r5.model.TimeType;
import uz.dhp.forms.form.answer.AnswerValues;
import uz.dhp.forms.form.definition.AnswerOption;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.EnableWhen;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.ItemCommon;
import uz.dhp.forms.form.definition.ItemControl;
import uz.dhp.forms.form.definition.ItemType;
import uz.dhp.forms.form.definition.LocalizedText;
import uz.dhp.forms.form.definition.TargetConstraint;
import uz.dhp.forms.form.definition.Variable;

/** HAPI Questionnaire items → definition records, checking each item on the way. */
final class ItemMapper {

  private ItemMapper() {}

  static List<FormItem> map(List<QuestionnaireItemComponent> items) {
    List<FormItem> out = new ArrayList<>(items.size());
    for (QuestionnaireItemComponent i : items) {
      out.add(map(i));
    }
    return out;
  }

  private static FormItem map(QuestionnaireItemComponent i) {
    String id = i.getLinkId();
    ItemType type =
        ItemType.fromCode(i.getType().toCode())
            .orElseThrow(
                () -> Rejection.of(id, "form.check.itemType.unsupported", i.getType().toCode()));
    List<FormItem> children = map(i.getItem());
    if (type.isQuestion()) {
      for (FormItem c : children) {
        if (c.type() != ItemType.DISPLAY) {
          throw Rejection.of(id, "form.check.questionChildren.unsupported", c.linkId());
        }
      }
    }
    ItemCommon common = common(i, type, children);
    boolean hasOptions = i.hasAnswerOption();
    if (hasOptions
        && !List.of(
                ItemType.CODING, ItemType.STRING, ItemType.INTEGER, ItemType.DATE, ItemType.TIME)
            .contains(type)) {
      throw Rejection.of(id, "form.check.answerOption.notAllowed", type.code());
    }
    if (i.hasAnswerValueSet() && type != ItemType.CODING) {
      throw Rejection.of(id, "form.check.answerValueSet.notAllowed", type.code());
    }
    if (hasOptions || type == ItemType.CODING) {
      return choice(i, common, type);
    }
    return switch (type) {
      case GROUP -> new FormItem.GroupItem(common);
      case DISPLAY -> new FormItem.DisplayItem(common);
      case BOOLEAN -> new FormItem.BooleanItem(common);
      case STRING, TEXT, URL -> text(i, common);
      case INTEGER, DECIMAL -> number(i, common, type);
      case DATE, DATE_TIME, TIME -> temporal(i, common, type);
      case QUANTITY -> quantity(i, common);
      case ATTACHMENT ->
          new FormItem.AttachmentItem(
              common,
              maxSize(i),
              i.getExtensionsByUrl(Extensions.MIME_TYPE).stream()
                  .map(e -> e.getValue().primitiveValue())
                  .toList());
      case REFERENCE ->
          new FormItem.ReferenceItem(
              common,
              i.getExtensionsByUrl(Extensions.REFERENCE_RESOURCE).stream()
                  .map(e -> e.getValue().primitiveValue())
                  .toList());
      case CODING -> throw new IllegalStateException("handled above");
    };
  }

  private static ItemCommon common(
      QuestionnaireItemComponent i, ItemType type, List<FormItem> children) {
    String id = i.getLinkId();
    String control = Extensions.controlCode(i, id);
    ItemControl itemControl = null;
    if (control != null) {
      itemControl =
          ItemControl.fromCode(control)
              .orElseThrow(() -> Rejection.of(id, "form.check.itemControl.unknown", control));
    }
    List<Variable> variables = new ArrayList<>();
    for (Extension e : i.getExtensionsByUrl(Extensions.VARIABLE)) {
      variables.add(variable(e, id));
    }
    List<EnableWhen> enableWhen = new ArrayList<>();
    for (QuestionnaireItemEnableWhenComponent ew : i.getEnableWhen()) {
      enableWhen.add(enableWhen(ew, id));
    }
    List<AnswerValue> initial = new ArrayList<>();
    i.getInitial().forEach(v -> initial.add(value(v.getValue(), id)));
    String entry = Extensions.string(i, Extensions.ENTRY_FORMAT, id);
    return new ItemCommon(
        id,
        type,
        Extensions.text(i.getTextElement(), id),
        i.hasPrefix() ? Extensions.text(i.getPrefixElement(), id) : null,
        i.hasDefinition() ? i.getDefinition() : null,
        i.getCode().stream()
            .map(c -> new AnswerValue.CodingValue(c.getSystem(), c.getCode(), c.getDisplay()))
            .toList(),
        i.getRequired(),
        i.getRepeats(),
        i.getReadOnly(),
        Extensions.bool(i, Extensions.HIDDEN, id),
        enableWhen,
        i.hasEnableBehavior() && i.getEnableBehavior().toCode().equals("any")
            ? EnableWhen.Behavior.ANY
            : EnableWhen.Behavior.ALL,
        Extensions.expression(i, Extensions.ENABLE_WHEN_EXPRESSION, id),
        Extensions.expression(i, Extensions.CALCULATED_EXPRESSION, id),
        Extensions.expression(i, Extensions.INITIAL_EXPRESSION, id),
        variables,
        initial,
        itemControl,
        entry == null ? null : LocalizedText.of(entry),
        children,
        constraints(i),
        Extensions.integer(i, Extensions.MAX_OCCURS, id));
  }

  private static List<TargetConstraint> constraints(QuestionnaireItemComponent i) {
    String id = i.getLinkId();
    List<TargetConstraint> out = new ArrayList<>();
    for (Extension e : i.getExtensionsByUrl(Extensions.TARGET_CONSTRAINT)) {
      Extension key = e.getExtensionByUrl("key");
      Extension expr = e.getExtensionByUrl("expression");
      Extension human = e.getExtensionByUrl("human");
      Extension severity = e.getExtensionByUrl("severity");
      if (key == null || expr == null || human == null) {
        throw Rejection.of(id, "form.check.constraint.incomplete");
      }
      if (!(expr.getValue() instanceof Expression x)) {
        throw Rejection.of(
            id,
            "form.check.extension.valueType",
            "targetConstraint.expression",
            "Expression",
            expr.getValue() == null ? "-" : expr.getValue().fhirType());
      }
      if (!(human.getValue() instanceof org.hl7.fhir.r5.model.StringType h)) {
        throw Rejection.of(
            id,
            "form.check.extension.valueType",
            "targetConstraint.human",
            "string",
            human.getValue() == null ? "-" : human.getValue().fhirType());
      }
      boolean blocking =
          severity == null || !"warning".equals(severity.getValue().primitiveValue());
      out.add(
          new TargetConstraint(
              key.getValue().primitiveValue(),
              blocking,
              Extensions.checkedExpression(x, id),
              Extensions.text(h, id)));
    }
    return out;
  }

  static Variable variable(Extension e, @Nullable String linkId) {
    if (!(e.getValue() instanceof Expression x)) {
      throw Rejection.of(
          linkId,
          "form.check.extension.valueType",
          "variable",
          "Expression",
          e.getValue() == null ? "-" : e.getValue().fhirType());
    }
    if (!x.hasName()) {
      throw Rejection.of(linkId, "form.check.variable.noName");
    }
    return new Variable(x.getName(), Extensions.checkedExpression(x, linkId));
  }

  private static EnableWhen enableWhen(QuestionnaireItemEnableWhenComponent ew, String id) {
    String code = ew.hasOperator() ? ew.getOperator().toCode() : null;
    EnableWhen.Operator op = code == null ? null : EnableWhen.Operator.fromCode(code);
    if (op == null) {
      throw Rejection.of(id, "form.check.enableWhen.operatorMissing", ew.getQuestion());
    }
    if (!ew.hasAnswer()) {
      throw Rejection.of(id, "form.check.enableWhen.answerMissing", ew.getQuestion());
    }
    return new EnableWhen(ew.getQuestion(), op, value(ew.getAnswer(), id));
  }

  static AnswerValue value(DataType t, @Nullable String id) {
    AnswerValue v = AnswerValues.fromFhir(t);
    if (v == null) {
      throw Rejection.of(id, "form.check.value.unsupported", t == null ? "-" : t.fhirType());
    }
    return v;
  }

  private static FormItem choice(QuestionnaireItemComponent i, ItemCommon common, ItemType type) {
    String id = i.getLinkId();
    List<AnswerOption> options = new ArrayList<>();
    for (QuestionnaireItemAnswerOptionComponent o : i.getAnswerOption()) {
      AnswerValue v = value(o.getValue(), id);
      if (!fitsOption(type, v)) {
        throw Rejection.of(id, "form.check.answerOption.type", type.code(), v.fhirType());
      }
      LocalizedText label = null;
      if (o.getValue() instanceof Coding c && c.hasDisplayElement()) {
        label = Extensions.text(c.getDisplayElement(), id);
      }
      options.add(new AnswerOption(v, label, o.getInitialSelected()));
    }
    if (type == ItemType.CODING && options.isEmpty() && !i.hasAnswerValueSet()) {
      throw Rejection.of(id, "form.check.coding.noAnswers");
    }
    FormItem.AnswerConstraint constraint = FormItem.AnswerConstraint.OPTIONS_ONLY;
    if (i.hasAnswerConstraint()) {
      constraint = FormItem.AnswerConstraint.fromCode(i.getAnswerConstraint().toCode());
    }
    return new FormItem.ChoiceItem(
        common,
        options,
        i.hasAnswerValueSet() ? i.getAnswerValueSet() : null,
        constraint,
        i.hasMaxLength() ? i.getMaxLength() : null);
  }

  private static boolean fitsOption(ItemType type, AnswerValue v) {
    return switch (type) {
      case CODING -> v instanceof AnswerValue.CodingValue;
      case STRING -> v instanceof AnswerValue.StringValue;
      case INTEGER -> v instanceof AnswerValue.IntegerValue;
      case DATE -> v instanceof AnswerValue.DateValue;
      case TIME -> v instanceof AnswerValue.TimeValue;
      default -> false;
    };
  }

  private static FormItem text(QuestionnaireItemComponent i, ItemCommon common) {
    String id = i.getLinkId();
    Integer min = Extensions.integer(i, Extensions.MIN_LENGTH, id);
    Integer max = i.hasMaxLength() ? i.getMaxLength() : null;
    if (min != null && max != null && min > max) {
      throw Rejection.of(id, "form.check.minMax.inconsistent", min, max);
    }
    if ((min != null && min < 0) || (max != null && max <= 0)) {
      throw Rejection.of(id, "form.check.length.invalid");
    }
    String regex = Extensions.string(i, Extensions.REGEX, id);
    if (regex != null) {
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw Rejection.of(id, "form.check.regex.invalid", regex, e.getDescription());
      }
    }
    return new FormItem.TextItem(common, min, max, regex);
  }

  private static FormItem number(QuestionnaireItemComponent i, ItemCommon common, ItemType type) {
    String id = i.getLinkId();
    BigDecimal min = Extensions.decimal(i, Extensions.MIN_VALUE, id);
    BigDecimal max = Extensions.decimal(i, Extensions.MAX_VALUE, id);
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw Rejection.of(
          id, "form.check.minMax.inconsistent", min.toPlainString(), max.toPlainString());
    }
    Integer places = Extensions.integer(i, Extensions.MAX_DECIMAL_PLACES, id);
    if (places != null && places < 0) {
      throw Rejection.of(id, "form.check.decimalPlaces.invalid", places);
    }
    Coding unit = Extensions.coding(i, Extensions.UNIT, id);
    LocalizedText unitLabel =
        unit == null
            ? null
            : LocalizedText.of(unit.hasDisplay() ? unit.getDisplay() : unit.getCode());
    return new FormItem.NumberItem(
        common, min, max, type == ItemType.DECIMAL ? places : Integer.valueOf(0), unitLabel);
  }

  private static FormItem temporal(QuestionnaireItemComponent i, ItemCommon common, ItemType type) {
    String id = i.getLinkId();
    Class<?> expected =
        switch (type) {
          case DATE -> DateType.class;
          case TIME -> TimeType.class;
          default -> DateTimeType.class;
        };
    DataType min = Extensions.value(i, Extensions.MIN_VALUE, id, expected);
    DataType max = Extensions.value(i, Extensions.MAX_VALUE, id, expected);
    AnswerValue minV = min == null ? null : value(min, id);
    AnswerValue maxV = max == null ? null : value(max, id);
    if (minV != null && maxV != null && literal(minV).compareTo(literal(maxV)) > 0) {
      throw Rejection.of(id, "form.check.minMax.inconsistent", literal(minV), literal(maxV));
    }
    return new FormItem.TemporalItem(common, minV, maxV);
  }

  private static String literal(AnswerValue v) {
    if (v instanceof AnswerValue.DateValue d) {
      return d.value();
    } else if (v instanceof AnswerValue.DateTimeValue d) {
      return d.value();
    } else if (v instanceof AnswerValue.TimeValue t) {
      return t.value().toString();
    }
    return String.valueOf(v);
  }

  private static FormItem quantity(QuestionnaireItemComponent i, ItemCommon common) {
    String id = i.getLinkId();
    List<AnswerValue.CodingValue> units = new ArrayList<>();
    for (Extension e : i.getExtensionsByUrl(Extensions.UNIT_OPTION)) {
      if (!(e.getValue() instanceof Coding c)) {
        throw Rejection.of(
            id,
            "form.check.extension.valueType",
            "questionnaire-unitOption",
            "Coding",
            e.getValue() == null ? "-" : e.getValue().fhirType());
      }
      units.add(new AnswerValue.CodingValue(c.getSystem(), c.getCode(), c.getDisplay()));
    }
    BigDecimal min = quantityBound(i, Extensions.MIN_QUANTITY);
    BigDecimal max = quantityBound(i, Extensions.MAX_QUANTITY);
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw Rejection.of(
          id, "form.check.minMax.inconsistent", min.toPlainString(), max.toPlainString());
    }
    return new FormItem.QuantityItem(
        common, units, min, max, Extensions.integer(i, Extensions.MAX_DECIMAL_PLACES, id));
  }

  /** SDC min/maxQuantity (valueQuantity); plain minValue/maxValue decimals are accepted too. */
  private static @Nullable BigDecimal quantityBound(QuestionnaireItemComponent i, String url) {
    org.hl7.fhir.r5.model.Quantity q =
        (org.hl7.fhir.r5.model.Quantity)
            Extensions.value(i, url, i.getLinkId(), org.hl7.fhir.r5.model.Quantity.class);
    if (q != null) {
      return q.getValue();
    }
    return Extensions.decimal(
        i,
        url.equals(Extensions.MIN_QUANTITY) ? Extensions.MIN_VALUE : Extensions.MAX_VALUE,
        i.getLinkId());
  }

  private static @Nullable Long maxSize(QuestionnaireItemComponent i) {
    BigDecimal v = Extensions.decimal(i, Extensions.MAX_SIZE, i.getLinkId());
    return v == null ? null : v.longValue();
  }
}
