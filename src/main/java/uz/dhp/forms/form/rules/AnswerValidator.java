package uz.dhp.forms.form.rules;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerOption;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.ItemType;
import uz.dhp.forms.terminology.TerminologySource;
import uz.dhp.forms.terminology.ValueSetExpansion;

/**
 * Checks the answers of one enabled item against its constraints. Pure: the same answers give the
 * same issues. Message keys are {@code form.validation.*}.
 */
public final class AnswerValidator {

  private final TerminologySource terminology;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  public AnswerValidator(TerminologySource terminology) {
    this.terminology = terminology;
  }

  public List<ValidationIssue> validate(ItemPath path, FormItem item, List<AnswerValue> answers) {
    List<ValidationIssue> issues = new ArrayList<>();
    if (!item.type().isQuestion()) {
      return issues;
    }
    if (answers.isEmpty()) {
      if (item.common().required()) {
        issues.add(ValidationIssue.error(path, "form.validation.required"));
      }
      return issues;
    }
    if (!item.common().repeats() && answers.size() > 1) {
      issues.add(ValidationIssue.error(path, "form.validation.tooMany"));
    }
    Integer maxOccurs = item.common().maxOccurs();
    if (item.common().repeats() && maxOccurs != null && answers.size() > maxOccurs) {
      issues.add(ValidationIssue.error(path, "form.validation.maxOccurs", maxOccurs));
    }
    for (AnswerValue a : answers) {
      if (!typeFits(item, a)) {
        issues.add(ValidationIssue.error(path, "form.validation.wrongType", item.type().code()));
        continue;
      }
      check(path, item, a, issues);
    }
    return issues;
  }

  private void check(ItemPath path, FormItem item, AnswerValue a, List<ValidationIssue> issues) {
    if (item instanceof FormItem.TextItem t) {
      String s = text(a);
      int len = s.codePointCount(0, s.length());
      if (t.minLength() != null && len < t.minLength()) {
        issues.add(ValidationIssue.error(path, "form.validation.minLength", t.minLength()));
      }
      if (t.maxLength() != null && len > t.maxLength()) {
        issues.add(ValidationIssue.error(path, "form.validation.maxLength", t.maxLength()));
      }
      if (t.regex() != null && !pattern(t.regex()).matcher(s).matches()) {
        issues.add(ValidationIssue.error(path, "form.validation.pattern"));
      }
      if (item.type() == ItemType.URL && !isUri(s)) {
        issues.add(ValidationIssue.error(path, "form.validation.url"));
      }
    } else if (item instanceof FormItem.NumberItem n) {
      BigDecimal v = ValueComparison.number(a);
      range(path, v, n.minValue(), n.maxValue(), issues);
      decimals(path, v, n.maxDecimalPlaces(), issues);
    } else if (item instanceof FormItem.QuantityItem q) {
      AnswerValue.QuantityValue qv = (AnswerValue.QuantityValue) a;
      range(path, qv.value(), q.minValue(), q.maxValue(), issues);
      decimals(path, qv.value(), q.maxDecimalPlaces(), issues);
      if (!q.unitOptions().isEmpty()
          && q.unitOptions().stream()
              .noneMatch(u -> u.code().equals(qv.code()) || u.code().equals(qv.unit()))) {
        issues.add(ValidationIssue.error(path, "form.validation.unit"));
      }
    } else if (item instanceof FormItem.TemporalItem t) {
      if (t.minValue() != null && less(a, t.minValue())) {
        issues.add(ValidationIssue.error(path, "form.validation.dateMin", literal(t.minValue())));
      }
      if (t.maxValue() != null && less(t.maxValue(), a)) {
        issues.add(ValidationIssue.error(path, "form.validation.dateMax", literal(t.maxValue())));
      }
    } else if (item instanceof FormItem.ChoiceItem c) {
      checkChoice(path, c, a, issues);
    } else if (item instanceof FormItem.AttachmentItem at) {
      AnswerValue.AttachmentValue av = (AnswerValue.AttachmentValue) a;
      if (at.maxSizeBytes() != null && av.size() != null && av.size() > at.maxSizeBytes()) {
        issues.add(
            ValidationIssue.error(path, "form.validation.attachmentSize", at.maxSizeBytes()));
      }
      if (!at.mimeTypes().isEmpty() && !at.mimeTypes().contains(av.contentType())) {
        issues.add(
            ValidationIssue.error(
                path, "form.validation.attachmentType", String.join(", ", at.mimeTypes())));
      }
    } else if (item instanceof FormItem.ReferenceItem r) {
      String ref = ((AnswerValue.ReferenceValue) a).reference();
      if (!r.resourceTypes().isEmpty()
          && r.resourceTypes().stream().noneMatch(t -> ref.startsWith(t + "/"))
          && !ref.startsWith("urn:")) {
        issues.add(
            ValidationIssue.error(
                path, "form.validation.referenceType", String.join(", ", r.resourceTypes())));
      }
    }
  }

  private void checkChoice(
      ItemPath path, FormItem.ChoiceItem c, AnswerValue a, List<ValidationIssue> issues) {
    boolean listed = c.options().stream().map(AnswerOption::value).anyMatch(o -> sameOption(o, a));
    if (!listed && c.answerValueSet() != null && a instanceof AnswerValue.CodingValue cv) {
      // Codes of a code system not available offline cannot be checked here; accept them.
      listed =
          terminology
              .expand(c.answerValueSet())
              .map(
                  (ValueSetExpansion e) ->
                      e.contains(cv.system(), cv.code())
                          || !e.isComplete()
                              && (e.concepts().isEmpty()
                                  || cv.system() != null
                                      && e.missingSystems().contains(cv.system())))
              // A code list not imported on this PC yet cannot be checked either.
              .orElse(true);
    }
    if (listed) {
      return;
    }
    boolean allowed =
        switch (c.constraint()) {
          case OPTIONS_ONLY -> false;
          case OPTIONS_OR_TYPE ->
              !(a instanceof AnswerValue.StringValue) || c.type() == ItemType.STRING;
          case OPTIONS_OR_STRING -> true;
        };
    if (!allowed) {
      issues.add(ValidationIssue.error(path, "form.validation.notAnOption"));
    } else if (c.maxLength() != null
        && a instanceof AnswerValue.StringValue s
        && s.value().length() > c.maxLength()) {
      issues.add(ValidationIssue.error(path, "form.validation.maxLength", c.maxLength()));
    }
  }

  private static boolean sameOption(AnswerValue option, AnswerValue a) {
    if (option instanceof AnswerValue.CodingValue o && a instanceof AnswerValue.CodingValue v) {
      return o.code().equals(v.code()) && java.util.Objects.equals(o.system(), v.system());
    }
    return ValueComparison.equal(option, a);
  }

  static boolean typeFits(FormItem item, AnswerValue a) {
    return switch (item.type()) {
      case BOOLEAN -> a instanceof AnswerValue.BooleanValue;
      case INTEGER -> a instanceof AnswerValue.IntegerValue;
      case DECIMAL ->
          a instanceof AnswerValue.DecimalValue || a instanceof AnswerValue.IntegerValue;
      case DATE -> a instanceof AnswerValue.DateValue;
      case DATE_TIME ->
          a instanceof AnswerValue.DateTimeValue || a instanceof AnswerValue.DateValue;
      case TIME -> a instanceof AnswerValue.TimeValue;
      case STRING, TEXT -> a instanceof AnswerValue.StringValue;
      case URL -> a instanceof AnswerValue.UriValue || a instanceof AnswerValue.StringValue;
      case CODING ->
          a instanceof AnswerValue.CodingValue
              || (a instanceof AnswerValue.StringValue
                  && item instanceof FormItem.ChoiceItem c
                  && c.constraint() == FormItem.AnswerConstraint.OPTIONS_OR_STRING);
      case QUANTITY -> a instanceof AnswerValue.QuantityValue;
      case ATTACHMENT -> a instanceof AnswerValue.AttachmentValue;
      case REFERENCE -> a instanceof AnswerValue.ReferenceValue;
      case GROUP, DISPLAY -> false;
    };
  }

  private static void range(
      ItemPath path, BigDecimal v, BigDecimal min, BigDecimal max, List<ValidationIssue> issues) {
    if (v == null) {
      return;
    }
    if (min != null && v.compareTo(min) < 0) {
      issues.add(ValidationIssue.error(path, "form.validation.min", min.toPlainString()));
    }
    if (max != null && v.compareTo(max) > 0) {
      issues.add(ValidationIssue.error(path, "form.validation.max", max.toPlainString()));
    }
  }

  private static void decimals(
      ItemPath path, BigDecimal v, Integer maxPlaces, List<ValidationIssue> issues) {
    if (v != null && maxPlaces != null && Math.max(0, v.stripTrailingZeros().scale()) > maxPlaces) {
      issues.add(ValidationIssue.error(path, "form.validation.decimalPlaces", maxPlaces));
    }
  }

  private static boolean less(AnswerValue a, AnswerValue b) {
    OptionalInt c = ValueComparison.compare(a, b);
    return c.isPresent() && c.getAsInt() < 0;
  }

  private static String literal(AnswerValue v) {
    if (v instanceof AnswerValue.DateValue d) {
      return d.value();
    } else if (v instanceof AnswerValue.DateTimeValue d) {
      return d.value();
    } else if (v instanceof AnswerValue.TimeValue t) {
      return t.value().toString();
    }
    return v.toString();
  }

  private static String text(AnswerValue a) {
    if (a instanceof AnswerValue.StringValue s) {
      return s.value();
    }
    return a instanceof AnswerValue.UriValue u ? u.value() : "";
  }

  private static boolean isUri(String s) {
    try {
      URI u = new URI(s);
      return u.getScheme() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private Pattern pattern(String regex) {
    return patterns.computeIfAbsent(regex, Pattern::compile);
  }
}
