package uz.dhp.forms.document.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uz.dhp.forms.document.Fixtures;
import uz.dhp.forms.document.KnownPatientDocumentTest;
import uz.dhp.forms.document.SharedValidator;
import uz.dhp.forms.document.extract.EntryIdentity;
import uz.dhp.forms.document.extract.ExtractedDocument;
import uz.dhp.forms.document.finding.Finding;

/**
 * A patient included under its absolute server URL: our DHP rules accept exactly the RESTful form
 * {@code http(s)://…/<Type>/<id>} matching the entry (no version, bdl-8) and resolve references to
 * it; HAPI's validator resolves them inside the Bundle as it does {@code urn:uuid:} ones.
 */
class KnownPatientRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String URL = KnownPatientDocumentTest.SERVER_URL;
  private final DhpRules rules = new DhpRules();

  private static ExtractedDocument document(String number) {
    return KnownPatientDocumentTest.extract(number, KnownPatientDocumentTest.onServer());
  }

  private static int patientEntry(JsonNode bundle) {
    JsonNode entries = bundle.path("entry");
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).path("fullUrl").asText().equals(URL)) {
        return i;
      }
    }
    throw new AssertionError("no entry " + URL);
  }

  private List<String> keys(String bundleJson, ExtractedDocument d) {
    return rules.check(bundleJson, d.sources()).stream().map(Finding::messageKey).toList();
  }

  /** The document with the patient's fullUrl and every reference to it replaced by {@code url}. */
  private static String renamed(ExtractedDocument d, String url) {
    return d.json().replace("\"" + URL + "\"", "\"" + url + "\"");
  }

  @ParameterizedTest(name = "form {0}")
  @ValueSource(strings = {"003", "096"})
  void aDocumentWithTheServersPatientPassesEveryRule(String number) {
    ExtractedDocument d = document(number);
    assertThat(rules.check(d.json(), d.sources())).isEmpty();
  }

  @Test
  void anyHttpBaseIsAcceptedWhenTheLastSegmentsAreTheEntrysTypeAndId() {
    ExtractedDocument d = document("003");
    assertThat(keys(renamed(d, "http://127.0.0.1:8085/fhir/Patient/pt-4711"), d)).isEmpty();
    assertThat(keys(renamed(d, "https://dhp.example/a/b/fhir/Patient/pt-4711"), d)).isEmpty();
    assertThat(keys(renamed(d, "https://dhp.example/Patient/pt-4711"), d)).isEmpty();
  }

  @Test
  void aFullUrlThatIsNotTheEntrysRestfulUrlIsRejected() throws Exception {
    ExtractedDocument d = document("003");
    String base = KnownPatientDocumentTest.BASE;
    for (String bad :
        List.of(
            base + "/Patient/pt-4711/_history/2", // a version (bdl-8)
            base + "/Patient/pt-9999", // not the resource's id
            base + "/Person/pt-4711", // not its type
            base + "/pt-4711", // no type
            "ftp://dhp.example/fhir/Patient/pt-4711",
            "urn:oid:1.2.3.4")) {
      // References are renamed along, so the only problem is the address itself.
      assertThat(keys(renamed(d, bad), d)).as(bad).containsExactly("document.rules.fullUrl");
    }
    // A relative fullUrl: the references to it cannot resolve inside the Bundle either.
    assertThat(keys(renamed(d, "Patient/pt-4711"), d))
        .contains("document.rules.fullUrl", "document.rules.unresolvedReference");
    ObjectNode b = (ObjectNode) JSON.readTree(d.json());
    ((ObjectNode) b.path("entry").path(patientEntry(b)).path("resource")).put("id", "other");
    assertThat(keys(b.toString(), d)).containsExactly("document.rules.fullUrl");
  }

  @Test
  void referencesToTheServersPatientMustFindItInTheBundle() throws Exception {
    ExtractedDocument d = document("003");
    ObjectNode b = (ObjectNode) JSON.readTree(d.json());
    ((ArrayNode) b.path("entry")).remove(patientEntry(b));
    List<Finding> found = rules.check(b.toString(), d.sources());
    assertThat(found)
        .isNotEmpty()
        .allMatch(f -> f.messageKey().equals("document.rules.unresolvedReference"))
        .allMatch(f -> f.args().equals(List.of(URL)))
        .anyMatch(f -> f.path().equals("Bundle.entry[0].resource.subject[0].reference"));
  }

  @Test
  void aRelativeReferenceResolvesOnlyAgainstTheBaseOfARestfulEntry() throws Exception {
    ExtractedDocument d = document("003");
    ObjectNode b = (ObjectNode) JSON.readTree(d.json());
    ObjectNode patient = (ObjectNode) b.path("entry").path(patientEntry(b)).path("resource");
    // Inside the server's Patient (fullUrl <base>/Patient/pt-4711): Patient/pt-4711 is itself.
    ObjectNode link = patient.putArray("link").addObject();
    link.put("type", "seealso");
    link.putObject("other").put("reference", "Patient/pt-4711");
    assertThat(keys(b.toString(), d)).isEmpty();
    link.putObject("other").put("reference", "Patient/someone-else");
    assertThat(keys(b.toString(), d)).containsExactly("document.rules.unresolvedReference");
    link.putObject("other").put("reference", "Patient/pt-4711");
    // Inside a urn:uuid entry (the Composition) a relative reference points outside the Bundle.
    ((ObjectNode) b.path("entry").path(0).path("resource").path("subject").path(0))
        .put("reference", "Patient/pt-4711");
    assertThat(keys(b.toString(), d)).containsExactly("document.rules.unresolvedReference");
  }

  @ParameterizedTest(name = "form {0}")
  @ValueSource(strings = {"003", "096"})
  void hapiSaysTheSameAboutTheServersPatientAsAboutALocalOne(String number) {
    assumeTrue(
        Fixtures.sharedDir() != null,
        "needs dhp.shared.dir (FHIR packages) for the validator with the DHP profiles");
    String local = "7f0c2a4e-1b3d-4c5e-8f60-718293a4b5c6";
    String localJson =
        KnownPatientDocumentTest.extract(number, new EntryIdentity.Local(local)).json();
    String serverJson = document(number).json();
    // Unfiltered messages of HAPI's validator: severity, id and place; the patient's id aside.
    List<String> forLocal =
        summary(SharedValidator.get().validatorMessages(localJson), "urn:uuid:" + local);
    List<String> forServer = summary(SharedValidator.get().validatorMessages(serverJson), URL);
    assertThat(forServer).isNotEmpty().containsExactlyInAnyOrderElementsOf(forLocal);
    assertThat(forServer).noneMatch(m -> m.startsWith("ERROR") || m.startsWith("FATAL"));
  }

  private static List<String> summary(List<SingleValidationMessage> messages, String fullUrl) {
    return messages.stream()
        .map(
            m ->
                m.getSeverity()
                    + " "
                    + m.getMessageId()
                    + " "
                    + String.valueOf(m.getLocationString())
                        .replace(fullUrl, "PATIENT")
                        // HAPI names the entry by its id: null for urn:uuid, the server's id
                        .replaceAll("/\\*Patient/[^*]*\\*/", "/*Patient*/")
                    + " "
                    + (m.getMessage().contains(fullUrl) ? "about the patient" : ""))
        .toList();
  }

  @Test
  void hapiReportsAServerPatientMissingFromTheBundle() throws Exception {
    assumeTrue(
        Fixtures.sharedDir() != null,
        "needs dhp.shared.dir (FHIR packages) for the validator with the DHP profiles");
    ExtractedDocument d = document("003");
    ObjectNode b = (ObjectNode) JSON.readTree(d.json());
    ((ArrayNode) b.path("entry")).remove(patientEntry(b));
    // Proof that the validator looks the absolute URL up in the Bundle instead of ignoring it.
    ValidationReport report = SharedValidator.get().validateJson(b.toString(), d.sources());
    assertThat(report.errors())
        .anyMatch(f -> f.source().equals("Bundle_BUNDLE_Entry_NotFound"))
        .anyMatch(f -> f.messageKey().equals("document.rules.unresolvedReference"));
  }
}
