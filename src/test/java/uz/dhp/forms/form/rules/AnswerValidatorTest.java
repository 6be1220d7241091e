package uz.dhp.forms.form.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerOption;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.EnableWhen;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.ItemCommon;
import uz.dhp.forms.form.definition.ItemType;
import uz.dhp.forms.form.definition.LocalizedText;
import uz.dhp.forms.terminology.LocalTerminology;

/** Every validation constraint, passing and failing, as a table of (item, answers, keys). */
class AnswerValidatorTest {

  static ItemCommon common(ItemType type, boolean required, boolean repeats) {
    return new ItemCommon(
        "x",
        type,
        LocalizedText.of("X"),
        null,
        null,
        List.of(),
        required,
        repeats,
        false,
        false,
        List.of(),
        EnableWhen.Behavior.ALL,
        null,
        null,
        null,
        List.of(),
        List.of(),
        null,
        null,
        List.of(),
        List.of(),
        null);
  }

  static FormItem text(Integer min, Integer max, String regex) {
    return new FormItem.TextItem(common(ItemType.STRING, false, false), min, max, regex);
  }

  static FormItem number(ItemType t, String min, String max, Integer places) {
    return new FormItem.NumberItem(
        common(t, false, false),
        min == null ? null : new BigDecimal(min),
        max == null ? null : new BigDecimal(max),
        places,
        null);
  }

  static AnswerValue s(String v) {
    return new AnswerValue.StringValue(v);
  }

  static AnswerValue dec(String v) {
    return new AnswerValue.DecimalValue(new BigDecimal(v));
  }

  static final AnswerValue.CodingValue F = new AnswerValue.CodingValue("http://g", "f", "F");

  static Stream<Arguments> table() {
    FormItem date =
        new FormItem.TemporalItem(
            common(ItemType.DATE, false, false),
            new AnswerValue.DateValue("2020-01-01"),
            new AnswerValue.DateValue("2026-12-31"));
    FormItem time =
        new FormItem.TemporalItem(
            common(ItemType.TIME, false, false),
            new AnswerValue.TimeValue(LocalTime.of(8, 0)),
            null);
    FormItem choice =
        new FormItem.ChoiceItem(
            common(ItemType.CODING, false, false),
            List.of(new AnswerOption(F, null, false)),
            null,
            FormItem.AnswerConstraint.OPTIONS_ONLY,
            null);
    FormItem openChoice =
        new FormItem.ChoiceItem(
            common(ItemType.CODING, false, false),
            List.of(new AnswerOption(F, null, false)),
            null,
            FormItem.AnswerConstraint.OPTIONS_OR_STRING,
            5);
    FormItem vsChoice =
        new FormItem.ChoiceItem(
            common(ItemType.CODING, false, false),
            List.of(),
            "urn:vs",
            FormItem.AnswerConstraint.OPTIONS_ONLY,
            null);
    FormItem qty =
        new FormItem.QuantityItem(
            common(ItemType.QUANTITY, false, false),
            List.of(new AnswerValue.CodingValue("http://unitsofmeasure.org", "kg", "kg")),
            BigDecimal.ONE,
            null,
            1);
    FormItem att =
        new FormItem.AttachmentItem(
            common(ItemType.ATTACHMENT, false, false), 1000L, List.of("application/pdf"));
    FormItem ref =
        new FormItem.ReferenceItem(common(ItemType.REFERENCE, false, false), List.of("Patient"));
    FormItem url = new FormItem.TextItem(common(ItemType.URL, false, false), null, null, null);
    return Stream.of(
        Arguments.of(
            new FormItem.BooleanItem(common(ItemType.BOOLEAN, true, false)),
            List.of(),
            List.of("form.validation.required")),
        Arguments.of(
            new FormItem.BooleanItem(common(ItemType.BOOLEAN, true, false)),
            List.of(new AnswerValue.BooleanValue(false)),
            List.of()),
        Arguments.of(
            new FormItem.BooleanItem(common(ItemType.BOOLEAN, false, false)),
            List.of(s("yes")),
            List.of("form.validation.wrongType")),
        Arguments.of(
            text(null, null, null), List.of(s("a"), s("b")), List.of("form.validation.tooMany")),
        Arguments.of(text(3, null, null), List.of(s("ab")), List.of("form.validation.minLength")),
        Arguments.of(text(3, null, null), List.of(s("abc")), List.of()),
        Arguments.of(text(null, 3, null), List.of(s("abcd")), List.of("form.validation.maxLength")),
        Arguments.of(text(null, 3, null), List.of(s("абв")), List.of()),
        Arguments.of(
            text(null, null, "[0-9]{3}"), List.of(s("12a")), List.of("form.validation.pattern")),
        Arguments.of(text(null, null, "[0-9]{3}"), List.of(s("123")), List.of()),
        Arguments.of(url, List.of(s("not a url")), List.of("form.validation.url")),
        Arguments.of(url, List.of(new AnswerValue.UriValue("https://dhp.uz")), List.of()),
        Arguments.of(
            number(ItemType.INTEGER, "0", "10", null),
            List.of(new AnswerValue.IntegerValue(-1)),
            List.of("form.validation.min")),
        Arguments.of(
            number(ItemType.INTEGER, "0", "10", null),
            List.of(new AnswerValue.IntegerValue(11)),
            List.of("form.validation.max")),
        Arguments.of(
            number(ItemType.INTEGER, "0", "10", null),
            List.of(new AnswerValue.IntegerValue(10)),
            List.of()),
        Arguments.of(
            number(ItemType.INTEGER, null, null, null),
            List.of(dec("1.5")),
            List.of("form.validation.wrongType")),
        Arguments.of(
            number(ItemType.DECIMAL, null, null, 1),
            List.of(dec("1.25")),
            List.of("form.validation.decimalPlaces")),
        Arguments.of(number(ItemType.DECIMAL, null, null, 1), List.of(dec("1.20")), List.of()),
        Arguments.of(
            number(ItemType.DECIMAL, "0.5", null, null),
            List.of(dec("0.4")),
            List.of("form.validation.min")),
        Arguments.of(
            date,
            List.of(new AnswerValue.DateValue("2019-12-31")),
            List.of("form.validation.dateMin")),
        Arguments.of(
            date,
            List.of(new AnswerValue.DateValue("2027-01-01")),
            List.of("form.validation.dateMax")),
        Arguments.of(date, List.of(new AnswerValue.DateValue("2024-02-29")), List.of()),
        Arguments.of(
            time,
            List.of(new AnswerValue.TimeValue(LocalTime.of(7, 59))),
            List.of("form.validation.dateMin")),
        Arguments.of(
            choice,
            List.of(new AnswerValue.CodingValue("http://g", "m", "M")),
            List.of("form.validation.notAnOption")),
        Arguments.of(
            choice,
            List.of(new AnswerValue.CodingValue("http://g", "f", "other display")),
            List.of()),
        Arguments.of(openChoice, List.of(s("abc")), List.of()),
        Arguments.of(openChoice, List.of(s("abcdef")), List.of("form.validation.maxLength")),
        Arguments.of(
            vsChoice, List.of(new AnswerValue.CodingValue("http://cs", "in", null)), List.of()),
        Arguments.of(
            vsChoice,
            List.of(new AnswerValue.CodingValue("http://cs", "out", null)),
            List.of("form.validation.notAnOption")),
        Arguments.of(
            qty,
            List.of(
                new AnswerValue.QuantityValue(
                    new BigDecimal("70"), "kg", "http://unitsofmeasure.org", "kg")),
            List.of()),
        Arguments.of(
            qty,
            List.of(
                new AnswerValue.QuantityValue(
                    new BigDecimal("70"), "lb", "http://unitsofmeasure.org", "[lb_av]")),
            List.of("form.validation.unit")),
        Arguments.of(
            qty,
            List.of(
                new AnswerValue.QuantityValue(
                    new BigDecimal("0.5"), "kg", "http://unitsofmeasure.org", "kg")),
            List.of("form.validation.min")),
        Arguments.of(
            qty,
            List.of(
                new AnswerValue.QuantityValue(
                    new BigDecimal("1.55"), "kg", "http://unitsofmeasure.org", "kg")),
            List.of("form.validation.decimalPlaces")),
        Arguments.of(
            att,
            List.of(new AnswerValue.AttachmentValue("application/pdf", null, null, "a", 2000L)),
            List.of("form.validation.attachmentSize")),
        Arguments.of(
            att,
            List.of(new AnswerValue.AttachmentValue("image/png", null, null, "a", 10L)),
            List.of("form.validation.attachmentType")),
        Arguments.of(
            ref,
            List.of(new AnswerValue.ReferenceValue("Practitioner/1", null)),
            List.of("form.validation.referenceType")),
        Arguments.of(ref, List.of(new AnswerValue.ReferenceValue("Patient/1", null)), List.of()));
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("table")
  void constraint(FormItem item, List<AnswerValue> answers, List<String> keys) {
    LocalTerminology t = LocalTerminology.of(List.of(), List.of(valueSet()));
    assertThat(new AnswerValidator(t).validate(ItemPath.of("x"), item, answers))
        .extracting(ValidationIssue::key)
        .containsExactlyElementsOf(keys);
  }

  private static org.hl7.fhir.r5.model.ValueSet valueSet() {
    var vs = new org.hl7.fhir.r5.model.ValueSet();
    vs.setUrl("urn:vs");
    vs.getCompose().addInclude().setSystem("http://cs").addConcept().setCode("in");
    return vs;
  }
}
