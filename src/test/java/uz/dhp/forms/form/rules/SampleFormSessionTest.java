package uz.dhp.forms.form.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.answer.ResponseStatus;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.io.FormLoader;
import uz.dhp.forms.form.io.LoadOutcome;
import uz.dhp.forms.terminology.TerminologySource;

/** The sample form end to end: load, fill, calculate, enable, validate, round-trip. */
class SampleFormSessionTest {

  static FhirContext ctx;
  static FormEngine engine;
  static FormDefinition vitals;

  @BeforeAll
  static void load() {
    ctx = FhirContext.forR5();
    engine = new FormEngine(ctx, TerminologySource.none());
    LoadOutcome o =
        new FormLoader(ctx, engine)
            .load(
                "sample-vitals",
                Path.of(
                    System.getProperty("dhp.forms.dir", "forms"),
                    "sample-vitals",
                    "questionnaire.json"));
    assertThat(o).isInstanceOf(LoadOutcome.Loaded.class);
    vitals = ((LoadOutcome.Loaded) o).definition();
  }

  static FormSession open() {
    return ((OpenOutcome.Opened) engine.open(vitals)).session();
  }

  static AnswerValue dec(String v) {
    return new AnswerValue.DecimalValue(new BigDecimal(v));
  }

  @Test
  void bmiIsCalculatedFromWeightAndHeightThroughAVariable() {
    FormSession s = open();
    s.setAnswer(ItemPath.of("weight"), dec("70"));
    ChangeSet c = s.setAnswer(ItemPath.of("height"), dec("175"));

    assertThat(c.values()).containsExactlyInAnyOrder(ItemPath.of("height"), ItemPath.of("bmi"));
    assertThat(s.state(ItemPath.of("bmi")).orElseThrow().answers()).containsExactly(dec("22.9"));
    assertThat(s.state(ItemPath.of("bmi")).orElseThrow().readOnly()).isTrue();
  }

  @Test
  void calculatedItemRefusesTyping() {
    ChangeSet c = open().setAnswer(ItemPath.of("bmi"), dec("1"));
    assertThat(c.rejection()).isNotNull();
    assertThat(c.rejection().reasonKey()).isEqualTo("form.answer.readOnly");
  }

  @Test
  void packsAreEnabledOnlyForSmokersAndRequiredThen() {
    FormSession s = open();
    assertThat(s.state(ItemPath.of("packs")).orElseThrow().enabled()).isFalse();
    ChangeSet c = s.setAnswer(ItemPath.of("smoker"), new AnswerValue.BooleanValue(true));
    assertThat(c.enablement()).containsExactly(ItemPath.of("packs"));
    assertThat(s.state(ItemPath.of("packs")).orElseThrow().issues())
        .extracting(ValidationIssue::key)
        .containsExactly("form.validation.required");
    s.setAnswer(ItemPath.of("packs"), new AnswerValue.IntegerValue(2));
    s.setAnswer(ItemPath.of("smoker"), new AnswerValue.BooleanValue(false));
    assertThat(s.toResponse(ResponseStatus.IN_PROGRESS).items())
        .extracting(i -> i.linkId())
        .doesNotContain("packs");
  }

  @Test
  void finalizableOnlyWhenRequiredAnswersAreThere() {
    FormSession s = open();
    assertThat(s.isFinalizable()).isFalse();
    s.setAnswer(ItemPath.of("visit-date"), new AnswerValue.DateValue("2026-11-26"));
    s.setAnswer(ItemPath.of("weight"), dec("70"));
    assertThat(s.isFinalizable()).isTrue();
    s.setAnswer(ItemPath.of("phone"), new AnswerValue.StringValue("12345"));
    assertThat(s.isFinalizable()).isFalse();
  }

  @Test
  void responseJsonRoundTripsLosslessly() {
    FormSession s = open();
    s.setAnswer(ItemPath.of("weight"), dec("70.5"));
    s.setAnswer(ItemPath.of("height"), dec("180"));
    s.setAnswer(
        ItemPath.of("visit-time"), new AnswerValue.TimeValue(java.time.LocalTime.of(9, 30)));
    s.setAnswer(ItemPath.parse("meds[0]/med-name"), new AnswerValue.StringValue("Paracetamol"));
    s.insertRow(ItemPath.parse("meds[1]"));
    s.setAnswer(
        ItemPath.parse("meds[1]/med-dose"),
        new AnswerValue.QuantityValue(
            new BigDecimal("500"), "mg", "http://unitsofmeasure.org", "mg"));
    String json = s.toQuestionnaireResponseJson(ResponseStatus.IN_PROGRESS);

    FormSession reopened = ((OpenOutcome.Opened) engine.open(vitals, json)).session();
    assertThat(reopened.toQuestionnaireResponseJson(ResponseStatus.IN_PROGRESS)).isEqualTo(json);
    assertThat(reopened.rowCount(ItemPath.parse("meds"))).isEqualTo(2);
    assertThat(json).contains("\"questionnaire\":\"" + vitals.canonical() + "\"");
  }

  @Test
  void storedHeaderAndValuesSurviveARoundTripUnchanged() {
    String stored =
        "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"draft-1\","
            + "\"meta\":{\"versionId\":\"3\"},"
            + "\"extension\":[{\"url\":\"https://dhp.uz/ext/clinic\",\"valueString\":\"K-12\"}],"
            + "\"questionnaire\":\""
            + vitals.canonical()
            + "\",\"status\":\"in-progress\",\"subject\":{\"reference\":\"Patient/p1\"},"
            + "\"authored\":\"2026-11-26T09:15:00+05:00\",\"item\":["
            + "{\"linkId\":\"visit-date\",\"answer\":[{\"valueDate\":\"2026-11\"}]},"
            + "{\"linkId\":\"weight\",\"answer\":[{\"valueDecimal\":70.50}]},"
            + "{\"linkId\":\"height\",\"answer\":[{\"valueDecimal\":175}]},"
            + "{\"linkId\":\"bmi\",\"answer\":[{\"valueDecimal\":23}]}]}";
    FormSession s = ((OpenOutcome.Opened) engine.open(vitals, stored)).session();
    String out = s.toQuestionnaireResponseJson(ResponseStatus.IN_PROGRESS);
    FormSession again = ((OpenOutcome.Opened) engine.open(vitals, out)).session();

    assertThat(again.toQuestionnaireResponseJson(ResponseStatus.IN_PROGRESS)).isEqualTo(out);
    assertThat(out)
        .contains(
            "\"id\":\"draft-1\"",
            "\"versionId\":\"3\"",
            "K-12",
            "Patient/p1",
            "2026-11-26T09:15:00+05:00",
            "\"valueDate\":\"2026-11\"",
            "70.50");
    assertThat(s.state(ItemPath.of("bmi")).orElseThrow().answers()).containsExactly(dec("23"));
    assertThat(s.toResponse(ResponseStatus.COMPLETED).status()).isEqualTo(ResponseStatus.COMPLETED);
  }
}
