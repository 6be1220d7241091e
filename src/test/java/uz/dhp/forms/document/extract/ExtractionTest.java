package uz.dhp.forms.document.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r5.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uz.dhp.forms.document.Fixtures;
import uz.dhp.forms.document.Form003Example;
import uz.dhp.forms.document.Form096Example;
import uz.dhp.forms.support.IdGenerator;

/** Extraction without the validator: determinism, golden files, document shape, narrative. */
class ExtractionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ExtractedDocument extract(String number, String seed, String lang) {
    FormFiles form = Fixtures.form(number);
    JsonNode qr =
        number.equals("003")
            ? Form003Example.response(form.questionnaire())
            : Form096Example.response(form.questionnaire());
    return new DocumentExtractor(Fixtures.FHIR, Fixtures.clock(), IdGenerator.sequential(seed))
        .extract(
            new DocumentExtractor.Request(
                form,
                qr,
                Fixtures.clinic(),
                number.equals("003") ? "att" : "obgyn",
                Optional.empty(),
                lang));
  }

  @ParameterizedTest(name = "form {0}")
  @ValueSource(strings = {"003", "096"})
  void aPatientIdFromTheLocalIndexIsUsedForThePatientAndEveryReferenceToIt(String number)
      throws Exception {
    FormFiles form = Fixtures.form(number);
    JsonNode qr =
        number.equals("003")
            ? Form003Example.response(form.questionnaire())
            : Form096Example.response(form.questionnaire());
    assertThat(form.subjectRule()).contains(number.equals("003") ? "patient" : "mother");
    String known = "7f0c2a4e-1b3d-4c5e-8f60-718293a4b5c6";
    ExtractedDocument doc =
        new DocumentExtractor(Fixtures.FHIR, Fixtures.clock(), IdGenerator.sequential("p"))
            .extract(
                new DocumentExtractor.Request(
                    form,
                    qr,
                    Fixtures.clinic(),
                    number.equals("003") ? "att" : "obgyn",
                    Optional.empty(),
                    "uz",
                    java.util.Map.of(
                        form.subjectRule().orElseThrow(), new EntryIdentity.Local(known))));
    JsonNode bundle = JSON.readTree(doc.json());
    List<JsonNode> patients = new java.util.ArrayList<>();
    bundle
        .path("entry")
        .forEach(
            e -> {
              if (e.path("resource").path("resourceType").asText().equals("Patient")
                  && e.path("resource").path("identifier").toString().contains("/pid/uz/ni")) {
                patients.add(e);
              }
            });
    assertThat(patients).hasSize(1);
    assertThat(patients.get(0).path("fullUrl").asText()).isEqualTo("urn:uuid:" + known);
    JsonNode composition = bundle.path("entry").path(0).path("resource");
    assertThat(composition.path("subject").path(0).path("reference").asText())
        .isEqualTo("urn:uuid:" + known);
    // Without it, a new id each time.
    assertThat(extract(number, "p", "uz").json()).doesNotContain(known);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "2026-02-08, 08.02.2026",
    "2026-02-08T10:00:00+05:00, 08.02.2026 10:00",
    "2026-02-08T10:05:30.250Z, 08.02.2026 10:05",
    "2026-02, 2026-02",
    "2026, 2026",
    "not a date, not a date"
  })
  void narrativeDatesReadAsOnPaperForms(String iso, String shown) {
    assertThat(NarrativeRenderer.readableDate(iso)).isEqualTo(shown);
  }

  @Test
  void everyFormInTheRepositoryHasAConsistentMapping() throws Exception {
    try (Stream<Path> dirs = Files.list(Fixtures.formsDir())) {
      List<Path> withMapping =
          dirs.filter(d -> Files.exists(d.resolve("extraction.json"))).sorted().toList();
      assertThat(withMapping).hasSizeGreaterThanOrEqualTo(2);
      for (Path d : withMapping) {
        assertThat(FormFiles.load(d).check()).as(d.toString()).isEmpty();
      }
    }
  }

  @ParameterizedTest(name = "form {0}")
  @ValueSource(strings = {"003", "096"})
  void sameClockAndIdsGiveTheSameBytes(String number) {
    assertThat(extract(number, "g", "uz").json()).isEqualTo(extract(number, "g", "uz").json());
    assertThat(extract(number, "g", "uz").json()).isNotEqualTo(extract(number, "h", "uz").json());
  }

  /**
   * Golden files: the reviewed output for the worked examples, one per questionnaire content (the
   * narrative follows the questionnaire's labels and order, so a new questionnaire version needs a
   * reviewed golden file of its own). A change in extraction shows up as a diff here; after
   * reviewing it, regenerate with {@code -Dgolden.update=true}.
   */
  @ParameterizedTest(name = "form {0}")
  @ValueSource(strings = {"003", "096"})
  void matchesTheReviewedGoldenFile(String number) throws Exception {
    byte[] questionnaire =
        Files.readAllBytes(Fixtures.formsDir().resolve("form-" + number + "/questionnaire.json"));
    String version =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(questionnaire))
            .substring(0, 12);
    Path golden =
        Path.of("src/test/resources/golden/form-" + number + "-example." + version + ".json");
    JsonNode actual = JSON.readTree(extract(number, "golden", "uz").json());
    String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, pretty);
    }
    assertThat(golden)
        .as(
            "no reviewed golden file for this questionnaire version: run with -Dgolden.update=true and review")
        .exists();
    assertThat(pretty).isEqualTo(Files.readString(golden));
  }

  @ParameterizedTest(name = "form {0}")
  @ValueSource(strings = {"003", "096"})
  void documentShapeAndReferences(String number) throws Exception {
    JsonNode b = JSON.readTree(extract(number, "s", "uz").json());
    assertThat(b.path("type").asText()).isEqualTo("document");
    assertThat(b.path("identifier").path("system").asText()).isEqualTo("urn:ietf:rfc:3986");
    assertThat(b.path("identifier").path("value").asText()).startsWith("urn:uuid:");
    assertThat(b.path("timestamp").asText()).isEqualTo("2026-02-18T10:00:00+05:00");
    JsonNode composition = b.path("entry").path(0).path("resource");
    assertThat(composition.path("resourceType").asText()).isEqualTo("Composition");
    assertThat(composition.path("meta").path("profile").path(0).asText())
        .endsWith(
            "form-"
                + number
                + (number.equals("003") ? "-inpatient" : "-maternity")
                + "-medical-record-composition");
    Set<String> urls = new HashSet<>();
    for (JsonNode e : b.path("entry")) {
      assertThat(e.path("fullUrl").asText()).startsWith("urn:uuid:");
      assertThat(urls.add(e.path("fullUrl").asText())).isTrue();
      assertThat(e.path("resource").path("text").path("div").asText())
          .as("narrative of " + e.path("resource").path("resourceType").asText())
          .startsWith("<div ")
          .contains("xmlns=\"http://www.w3.org/1999/xhtml\"");
    }
    List<String> refs =
        b.findValues("reference").stream()
            .filter(JsonNode::isTextual)
            .map(JsonNode::asText)
            .toList();
    assertThat(refs).isNotEmpty().allMatch(urls::contains);
    // every entry except the Composition is referenced from it (directly or via another entry)
    for (JsonNode e : b.path("entry")) {
      if (!e.path("resource").path("resourceType").asText().equals("Composition")) {
        assertThat(refs)
            .as("referenced: " + e.path("fullUrl").asText())
            .contains(e.path("fullUrl").asText());
      }
    }
    composition
        .path("section")
        .forEach(s -> assertThat(s.path("text").path("div").asText()).isNotEmpty());
  }

  @Test
  void narrativeUsesTheQuestionnaireLabelsOfItsLanguage() throws Exception {
    JsonNode ru = JSON.readTree(extract("003", "n", "ru").json());
    JsonNode composition = ru.path("entry").path(0).path("resource");
    assertThat(composition.path("language").asText()).isEqualTo("ru");
    String personal = composition.path("section").path(1).path("text").path("div").asText();
    assertThat(personal).contains("Фамилия").contains("Tursunov").contains("Мужской");
    JsonNode uz = JSON.readTree(extract("003", "n", "uz").json());
    assertThat(
            uz.path("entry")
                .path(0)
                .path("resource")
                .path("section")
                .path(1)
                .path("text")
                .path("div")
                .asText())
        .contains("Familiyasi")
        .contains("Erkak");
  }

  @Test
  void typedMarkupIsEscapedInTheNarrative() throws Exception {
    FormFiles form = Fixtures.form("003");
    JsonNode qr =
        Form003Example.filled(form.questionnaire())
            .remove("003.exam.anamnesis")
            .set("003.exam.anamnesis", "<script>alert('x')</script> & \"more\"")
            .build();
    String json =
        new DocumentExtractor(Fixtures.FHIR, Fixtures.clock(), IdGenerator.sequential("x"))
            .extract(
                new DocumentExtractor.Request(
                    form, qr, Fixtures.clinic(), "att", Optional.empty(), "uz"))
            .json();
    assertThat(json).doesNotContain("<script>").contains("&lt;script&gt;");
  }

  @Test
  void hapiQuestionnaireResponseGivesTheSameDocument() {
    FormFiles form = Fixtures.form("003");
    JsonNode qr = Form003Example.response(form.questionnaire());
    QuestionnaireResponse hapi =
        Fixtures.FHIR.newJsonParser().parseResource(QuestionnaireResponse.class, qr.toString());
    String viaHapi =
        new DocumentExtractor(Fixtures.FHIR, Fixtures.clock(), IdGenerator.sequential("q"))
            .extract(form, hapi, Fixtures.clinic(), "att", Optional.empty(), "uz")
            .json();
    assertThat(viaHapi).isEqualTo(extract("003", "q", "uz").json());
  }

  @Test
  void validatorLocationsMapBackToFormFields() {
    ExtractedDocument d = extract("003", "m", "uz");
    int patient = -1;
    for (int i = 0; i < d.sources().entries().size(); i++) {
      if ("003.personal.pinfl"
          .equals(d.sources().entries().get(i).paths().get("identifier[0].value"))) {
        patient = i;
      }
    }
    assertThat(patient).isPositive();
    assertThat(
            d.sources()
                .linkIdFor(
                    "Bundle.entry[" + patient + "].resource/*Patient/null*/.identifier[0].value"))
        .contains("003.personal.pinfl");
    assertThat(d.sources().linkIdFor("Bundle.entry[" + patient + "].resource.birthDate"))
        .contains("003.personal.birth-date");
  }
}
