package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.document.DocumentService;
import uz.dhp.forms.document.Fixtures;
import uz.dhp.forms.document.Form003Example;
import uz.dhp.forms.document.Form096Example;
import uz.dhp.forms.document.SharedValidator;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.io.FormLoader;
import uz.dhp.forms.form.io.LoadOutcome;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.StoreOpenOutcome;
import uz.dhp.forms.store.StoreOpener;
import uz.dhp.forms.support.IdGenerator;
import uz.dhp.forms.terminology.TerminologySource;

/**
 * Finalizing through the app's workflow on a real store: a patient the current server has (a copy
 * cached by the lookup, with that server's base) is the document's subject under its server URL; a
 * copy from another server, or none, leaves the local patient index id (today's behaviour).
 */
class KnownPatientWorkflowTest {

  private static final Path FORMS = Path.of(System.getProperty("dhp.forms.dir", "forms"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DHP = "https://dhp.example/fhir";
  private static final String SANDBOX = "http://127.0.0.1:8085/fhir";
  private static final String PATIENT = "31204909999995"; // Form 003 example
  private static final String MOTHER = "41405949999995"; // Form 096 example

  @TempDir Path dir;
  private Store store;
  private final AtomicReference<String> currentBase = new AtomicReference<>(DHP);
  private DocumentWorkflow workflow;

  @BeforeEach
  void setUp() {
    Assumptions.assumeTrue(
        Fixtures.sharedDir() != null,
        "needs dhp.shared.dir: finalizing validates against the DHP packages");
    store = ((StoreOpenOutcome.Opened) new StoreOpener(Clock.systemUTC()).open(dir)).store();
    DocumentService documents =
        new DocumentService(
            Fixtures.FHIR,
            Clock.systemUTC(),
            IdGenerator.random(),
            CompletableFuture.supplyAsync(SharedValidator::get));
    workflow =
        new DocumentWorkflow(
            store,
            documents,
            new uz.dhp.forms.signing.DocumentCanonicalizer(Fixtures.FHIR),
            FORMS,
            () -> java.util.Optional.of(Fixtures.clinic()),
            Actor.SYSTEM,
            IdGenerator.random(),
            new ServerPatientIdentity(store.patientCache(), currentBase::get));
  }

  @AfterEach
  void tearDown() {
    if (store != null) {
      store.close();
    }
  }

  private String draft(String formId) {
    return new StoreDraftIndex(
            store.drafts(), Actor.SYSTEM, IdGenerator.random()::newId, AppRuntime::emptyResponse)
        .create(formId, "1.0.0", "https://dhp.uz/forms/Questionnaire/" + formId + "|1.0.0");
  }

  private static FormDefinition definition(String formId) throws Exception {
    FormLoader loader =
        new FormLoader(Fixtures.FHIR, new FormEngine(Fixtures.FHIR, TerminologySource.none()));
    return ((LoadOutcome.Loaded)
            loader.parse(formId, Files.readString(FORMS.resolve(formId + "/questionnaire.json"))))
        .definition();
  }

  /** Finalizes a new draft of the form's worked example; the document as kept. */
  private JsonNode finalizeExample(String number) throws Exception {
    String formId = "form-" + number;
    String response =
        (number.equals("003")
                ? Form003Example.response(Fixtures.form(number).questionnaire())
                : Form096Example.response(Fixtures.form(number).questionnaire()))
            .toString();
    var result =
        workflow.finalizeDraft(draft(formId), definition(formId), formId, response, UiLanguage.EN);
    assertThat(result).isInstanceOf(DocumentWorkflow.FinalizeResult.Awaiting.class);
    String id = ((DocumentWorkflow.FinalizeResult.Awaiting) result).documentId();
    var kept =
        store.signingQueue().awaiting().stream()
            .filter(d -> d.id().equals(id))
            .findFirst()
            .orElseThrow();
    return JSON.readTree(kept.bytes());
  }

  private static String subject(JsonNode bundle) {
    return bundle
        .path("entry")
        .path(0)
        .path("resource")
        .path("subject")
        .path(0)
        .path("reference")
        .asText();
  }

  private static JsonNode entry(JsonNode bundle, String fullUrl) {
    for (JsonNode e : bundle.path("entry")) {
      if (e.path("fullUrl").asText().equals(fullUrl)) {
        return e.path("resource");
      }
    }
    throw new AssertionError("no entry " + fullUrl);
  }

  @Test
  void aPatientTheServerHasIsTheSubjectUnderItsServerUrl() throws Exception {
    store.patientCache().put(PATIENT, "srv-17", DHP + "/", "{\"resourceType\":\"Patient\"}");
    JsonNode bundle = finalizeExample("003");
    String url = DHP + "/Patient/srv-17";
    assertThat(subject(bundle)).isEqualTo(url);
    assertThat(entry(bundle, url).path("id").asText()).isEqualTo("srv-17");
    assertThat(entry(bundle, url).path("identifier").toString()).contains(PATIENT);
    // The encounter names the same patient; the local id is nowhere.
    for (JsonNode e : bundle.path("entry")) {
      if (e.path("resource").path("resourceType").asText().equals("Encounter")) {
        assertThat(e.path("resource").path("subject").path("reference").asText()).isEqualTo(url);
      }
    }
    assertThat(bundle.toString()).doesNotContain(localId(PATIENT));
    // The local index keeps its own id and the demographics as finalized.
    var indexed = store.patientIndex().find(PATIENT).orElseThrow();
    assertThat(indexed.localId()).matches("[0-9a-f-]{36}");
    assertThat(JSON.readTree(indexed.resourceJson()).path("name").path(0).path("family").asText())
        .isEqualTo("Tursunov");
  }

  private String localId(String pinfl) {
    return store.patientIndex().find(pinfl).orElseThrow().localId();
  }

  @Test
  void aCopyFromAnotherServerIsNotTrustedAndTheLocalIdStays() throws Exception {
    // Looked up while the clinic still used the sandbox; documents now go to DHP.
    store.patientCache().put(PATIENT, "sandbox-5", SANDBOX, "{\"resourceType\":\"Patient\"}");
    JsonNode first = finalizeExample("003");
    String local = localId(PATIENT);
    assertThat(subject(first)).isEqualTo("urn:uuid:" + local);
    assertThat(first.toString()).doesNotContain("sandbox-5");

    // Back on the sandbox, the same copy is that server's patient.
    currentBase.set(SANDBOX);
    assertThat(subject(finalizeExample("003"))).isEqualTo(SANDBOX + "/Patient/sandbox-5");
    assertThat(localId(PATIENT)).as("the index keeps its id").isEqualTo(local);
  }

  @Test
  void withoutAServerCopyEveryDocumentOfThePatientUsesTheSameLocalId() throws Exception {
    JsonNode first = finalizeExample("003");
    JsonNode second = finalizeExample("003");
    String local = localId(PATIENT);
    assertThat(subject(first)).isEqualTo("urn:uuid:" + local);
    assertThat(subject(second)).isEqualTo("urn:uuid:" + local);
  }

  @Test
  void inForm096TheMotherIsTheServersPatient() throws Exception {
    store.patientCache().put(MOTHER, "mother-3", DHP, "{\"resourceType\":\"Patient\"}");
    JsonNode bundle = finalizeExample("096");
    String url = DHP + "/Patient/mother-3";
    assertThat(subject(bundle)).isEqualTo(url);
    assertThat(entry(bundle, url).path("identifier").toString()).contains(MOTHER);
    assertThat(store.patientIndex().find(MOTHER)).isPresent();
  }
}
