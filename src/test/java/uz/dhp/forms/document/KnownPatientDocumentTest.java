package uz.dhp.forms.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uz.dhp.forms.document.extract.DocumentExtractor;
import uz.dhp.forms.document.extract.EntryIdentity;
import uz.dhp.forms.document.extract.ExtractedDocument;
import uz.dhp.forms.document.extract.FormFiles;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.support.IdGenerator;

/**
 * A patient the DHP server already has is included as a copy under its absolute server URL
 * (dhp-spec §2.1 default): fullUrl {@code <base>/Patient/<id>}, {@code id} the server's id, and
 * every reference to the patient the same string — and the document still validates.
 */
public class KnownPatientDocumentTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String BASE = "https://playground.dhp.uz/fhir";
  public static final String SERVER_ID = "pt-4711";
  public static final String SERVER_URL = BASE + "/Patient/" + SERVER_ID;
  private static final String LOCAL = "7f0c2a4e-1b3d-4c5e-8f60-718293a4b5c6";

  public static EntryIdentity onServer() {
    return EntryIdentity.onServer(BASE, "Patient", SERVER_ID).orElseThrow();
  }

  private static JsonNode response(String number, FormFiles form) {
    return number.equals("003")
        ? Form003Example.response(form.questionnaire())
        : Form096Example.response(form.questionnaire());
  }

  private static String signer(String number) {
    return number.equals("003") ? "att" : "obgyn";
  }

  public static ExtractedDocument extract(String number, EntryIdentity patient) {
    FormFiles form = Fixtures.form(number);
    return new DocumentExtractor(Fixtures.FHIR, Fixtures.clock(), IdGenerator.sequential("kp"))
        .extract(
            new DocumentExtractor.Request(
                form,
                response(number, form),
                Fixtures.clinic(),
                signer(number),
                Optional.empty(),
                "uz",
                Map.of(form.subjectRule().orElseThrow(), patient)));
  }

  /** Every {@code reference} string in the Bundle, with the resourceType that holds it. */
  private static List<String> references(JsonNode n, String holder, List<String> out) {
    if (n.isObject()) {
      String type = n.path("resourceType").asText(holder);
      n.properties()
          .forEach(
              e -> {
                if (e.getKey().equals("reference") && e.getValue().isTextual()) {
                  out.add(type + " " + e.getValue().asText());
                } else {
                  references(e.getValue(), type, out);
                }
              });
    } else if (n.isArray()) {
      n.forEach(c -> references(c, holder, out));
    }
    return out;
  }

  @ParameterizedTest(name = "form {0}")
  @ValueSource(strings = {"003", "096"})
  void theServersPatientIsTheSubjectAndEveryReferenceUsesItsAbsoluteUrl(String number)
      throws Exception {
    JsonNode bundle = JSON.readTree(extract(number, onServer()).json());
    List<JsonNode> subjects = new ArrayList<>();
    for (JsonNode e : bundle.path("entry")) {
      if (e.path("fullUrl").asText().equals(SERVER_URL)) {
        subjects.add(e.path("resource"));
      }
    }
    assertThat(subjects).hasSize(1);
    assertThat(subjects.get(0).path("resourceType").asText()).isEqualTo("Patient");
    assertThat(subjects.get(0).path("id").asText()).isEqualTo(SERVER_ID);
    assertThat(subjects.get(0).path("identifier").toString()).contains("/sid/pid/uz/ni");

    List<String> refs = references(bundle, "Bundle", new ArrayList<>());
    assertThat(refs)
        .contains("Composition " + SERVER_URL, "Encounter " + SERVER_URL)
        .anyMatch(r -> r.startsWith("Condition ") && r.endsWith(" " + SERVER_URL))
        .anyMatch(r -> r.startsWith("Observation ") && r.endsWith(" " + SERVER_URL));
    assertThat(
            bundle.path("entry").path(0).path("resource").path("subject").path(0).path("reference"))
        .hasToString("\"" + SERVER_URL + "\"");
    // Nothing else is absolute: only the patient came from the server.
    assertThat(refs)
        .filteredOn(r -> r.contains("http"))
        .allMatch(r -> r.endsWith(" " + SERVER_URL));
  }

  @ParameterizedTest(name = "form {0}")
  @ValueSource(strings = {"003", "096"})
  void onlyThePatientsIdentityDiffersFromTheLocalDocument(String number) {
    // Same ids otherwise: the server identity must replace the local one everywhere, and only it.
    String local = extract(number, new EntryIdentity.Local(LOCAL)).json();
    String server = extract(number, onServer()).json();
    assertThat(local).contains("urn:uuid:" + LOCAL).doesNotContain(SERVER_URL);
    assertThat(server).doesNotContain(LOCAL);
    // HAPI's encoder leaves out the id of a urn:uuid entry but keeps a RESTful entry's id.
    String patientEntry =
        "{\"fullUrl\":\"" + SERVER_URL + "\",\"resource\":{\"resourceType\":\"Patient\",";
    assertThat(server).contains(patientEntry + "\"id\":\"" + SERVER_ID + "\",");
    assertThat(
            local
                .replace("\"urn:uuid:" + LOCAL + "\"", "\"" + SERVER_URL + "\"")
                .replace(patientEntry, patientEntry + "\"id\":\"" + SERVER_ID + "\","))
        .isEqualTo(server);
  }

  @ParameterizedTest(name = "form {0}")
  @ValueSource(strings = {"003", "096"})
  void aDocumentWithTheServersPatientFinalizesWithoutErrors(String number) {
    assumeTrue(
        Fixtures.sharedDir() != null,
        "needs dhp.shared.dir (FHIR packages, code lists) to validate against the DHP profiles");
    assertThat(SharedValidator.get().packages())
        .as("the DHP packages from the shared directory are loaded")
        .isNotEmpty();
    FormFiles form = Fixtures.form(number);
    FinalizeOutcome o =
        DocumentServiceTest.service("kpv" + number)
            .finalizeDocument(
                new DocumentService.FinalizeRequest(
                    form,
                    response(number, form),
                    Fixtures.clinic(),
                    signer(number),
                    UiLanguage.EN,
                    "uz",
                    Map.of(form.subjectRule().orElseThrow(), onServer())));
    assertThat(o).as(DocumentServiceTest.describe(o)).isInstanceOf(FinalizeOutcome.Finalized.class);
  }

  @Test
  void aServerIdentityIsOnlyMadeFromAnAbsoluteBaseAndAFhirId() {
    assertThat(onServer().fullUrl()).isEqualTo(SERVER_URL);
    assertThat(onServer().id()).isEqualTo(SERVER_ID);
    assertThat(EntryIdentity.onServer(BASE + "/", "Patient", SERVER_ID))
        .map(EntryIdentity::fullUrl)
        .contains(SERVER_URL);
    assertThat(EntryIdentity.onServer("", "Patient", SERVER_ID)).isEmpty();
    assertThat(EntryIdentity.onServer("Patient", "Patient", SERVER_ID)).isEmpty();
    assertThat(EntryIdentity.onServer("ftp://x/fhir", "Patient", SERVER_ID)).isEmpty();
    assertThat(EntryIdentity.onServer(BASE + "/Patient/1/_history", "Patient", "2")).isEmpty();
    assertThat(EntryIdentity.onServer(BASE, "Patient", "a/b")).isEmpty();
    assertThat(EntryIdentity.onServer(BASE, "Patient", "")).isEmpty();
    assertThat(EntryIdentity.onServer(BASE, "patient", SERVER_ID)).isEmpty();
    assertThat(new EntryIdentity.Local(LOCAL).fullUrl()).isEqualTo("urn:uuid:" + LOCAL);
    assertThatThrownBy(() -> new EntryIdentity.Local("not a uuid"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
