package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.io.FormLoader;
import uz.dhp.forms.form.io.LoadOutcome;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.terminology.TerminologySource;

/** Patient fields of the repository's forms, found from their FHIR mapping and filled. */
class PatientPrefillTest {

  private static final Path FORMS = Path.of(System.getProperty("dhp.forms.dir", "forms"));
  private static FormLoader loader;

  private static final String PATIENT =
      """
      {"resourceType":"Patient","gender":"female","birthDate":"1990-04-12",
       "name":[{"family":"Karimova","given":["Dilnoza","Anvarovna"]}],
       "telecom":[{"system":"phone","value":"+998901234567"}],
       "address":[{"line":["Navoiy ko‘chasi 5"]}]}
      """;

  @BeforeAll
  static void setUp() {
    FhirContext fhir = FhirContext.forR5Cached();
    loader = new FormLoader(fhir, new FormEngine(fhir, TerminologySource.none()));
  }

  static FormDefinition form(String id) throws Exception {
    LoadOutcome o =
        loader.parse(id, Files.readString(FORMS.resolve(id).resolve("questionnaire.json")));
    return ((LoadOutcome.Loaded) o).definition();
  }

  @Test
  void form003GetsNameGenderAndBirthDateInTheirFieldsAndFindsThePinfl() throws Exception {
    PatientPrefill prefill = PatientPrefill.of(form("form-003"));
    assertThat(prefill.pinflPath()).isEqualTo(ItemPath.parse("003.personal/003.personal.pinfl"));
    Map<String, AnswerValue> filled =
        byLinkId(prefill.fills(new ObjectMapper().readTree(PATIENT), p -> true));
    assertThat(filled)
        .containsEntry("003.personal.name.family", new AnswerValue.StringValue("Karimova"))
        .containsEntry("003.personal.name.given", new AnswerValue.StringValue("Dilnoza"))
        .containsEntry("003.personal.name.patronymic", new AnswerValue.StringValue("Anvarovna"))
        .containsEntry("003.personal.birth-date", new AnswerValue.DateValue("1990-04-12"))
        .containsEntry(
            "003.personal.address.line", new AnswerValue.StringValue("Navoiy ko‘chasi 5"));
    assertThat(((AnswerValue.CodingValue) filled.get("003.personal.gender")).code())
        .isEqualTo("female");
    // The age is derived (integer), never filled from the birth date.
    assertThat(filled).doesNotContainKey("003.exam.age");
  }

  @Test
  void fieldsThatAreAlreadyTypedAreNeverOverwritten() throws Exception {
    PatientPrefill prefill = PatientPrefill.of(form("form-096"));
    Set<String> typed = Set.of("096.admission.mother.name.family");
    Map<String, AnswerValue> filled =
        byLinkId(
            prefill.fills(new ObjectMapper().readTree(PATIENT), p -> !typed.contains(p.linkId())));
    assertThat(filled).doesNotContainKey("096.admission.mother.name.family");
    assertThat(filled)
        .containsEntry("096.admission.mother.phone", new AnswerValue.StringValue("+998901234567"))
        .containsEntry("096.admission.mother.birth-date", new AnswerValue.DateValue("1990-04-12"));
    // Newborns live in a repeating group: not the subject, never pre-filled.
    assertThat(filled.keySet()).noneMatch(k -> k.startsWith("096.newborn"));
  }

  @Test
  void aPatientWithoutDataFillsNothing() throws Exception {
    PatientPrefill prefill = PatientPrefill.of(form("form-003"));
    assertThat(prefill.fills(new ObjectMapper().readTree("{}"), p -> true)).isEmpty();
  }

  private static Map<String, AnswerValue> byLinkId(List<PatientPrefill.Fill> fills) {
    Map<String, AnswerValue> m = new java.util.LinkedHashMap<>();
    fills.forEach(f -> m.put(f.path().linkId(), f.value()));
    return m;
  }
}
