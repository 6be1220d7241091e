package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r5.model.Enumerations;
import org.hl7.fhir.r5.model.Patient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.document.DocumentService;
import uz.dhp.forms.document.Fixtures;
import uz.dhp.forms.document.Form003Example;
import uz.dhp.forms.document.SharedValidator;
import uz.dhp.forms.form.io.FormLoader;
import uz.dhp.forms.form.io.LoadOutcome;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.signing.sandbox.TestPractitioner;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.StoreOpenOutcome;
import uz.dhp.forms.store.StoreOpener;
import uz.dhp.forms.support.IdGenerator;
import uz.dhp.forms.sync.auth.AccessTokenSource;
import uz.dhp.forms.sync.patient.PatientLookupOutcome;
import uz.dhp.forms.sync.patient.PatientLookupService;
import uz.dhp.forms.sync.sandbox.SandboxProcess;
import uz.dhp.forms.terminology.TerminologySource;

/**
 * Query before create, end to end against the real FHIR server: a patient registered on the server
 * is found by PINFL through the app's lookup, and the finalized document names that patient as
 * {@code <base>/Patient/<id>} — which the server takes as a reference to its own patient.
 */
class KnownPatientServerTest {

  private static final Path FORMS = Path.of(System.getProperty("dhp.forms.dir", "forms"));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aPatientRegisteredOnTheServerIsTheSubjectOfTheDocument() throws Exception {
    Assumptions.assumeTrue(
        Fixtures.sharedDir() != null,
        "needs dhp.shared.dir: finalizing validates against the DHP packages");
    SandboxProcess server = SandboxProcess.shared();
    String base = server.baseUrl().toString();
    // A fresh synthetic PINFL (male, born 12.04.1990 like the example patient), valid check digit.
    String pinfl =
        TestPractitioner.pinflWithCheckDigit(
            "3120490" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)));
    Patient registered = new Patient();
    registered.addIdentifier().setSystem(PatientLookupService.PINFL_SYSTEM).setValue(pinfl);
    registered.addName().setFamily("Tursunov").addGiven("Alisher");
    registered.setGender(Enumerations.AdministrativeGender.MALE);
    String serverId =
        Fixtures.FHIR
            .newRestfulGenericClient(base)
            .create()
            .resource(registered)
            .execute()
            .getId()
            .getIdPart();

    Store store = ((StoreOpenOutcome.Opened) new StoreOpener(Clock.systemUTC()).open(dir)).store();
    try {
      PatientLookupOutcome found =
          new PatientLookupService(
                  Fixtures.FHIR, base, AccessTokenSource.none(), store.patientCache())
              .lookup(pinfl);
      assertThat(found).isInstanceOf(PatientLookupOutcome.Found.class);
      assertThat(((PatientLookupOutcome.Found) found).patient().serverId()).isEqualTo(serverId);

      DocumentWorkflow workflow =
          new DocumentWorkflow(
              store,
              new DocumentService(
                  Fixtures.FHIR,
                  Clock.systemUTC(),
                  IdGenerator.random(),
                  CompletableFuture.supplyAsync(SharedValidator::get)),
              new uz.dhp.forms.signing.DocumentCanonicalizer(Fixtures.FHIR),
              FORMS,
              () -> Optional.of(Fixtures.clinic()),
              Actor.SYSTEM,
              IdGenerator.random(),
              new ServerPatientIdentity(store.patientCache(), () -> base));
      String response =
          Form003Example.filled(Fixtures.form("003").questionnaire())
              .remove("003.personal.pinfl")
              .set("003.personal.pinfl", pinfl)
              .build()
              .toString();
      String draftId =
          new StoreDraftIndex(
                  store.drafts(),
                  Actor.SYSTEM,
                  IdGenerator.random()::newId,
                  AppRuntime::emptyResponse)
              .create("form-003", "1.0.0", "https://dhp.uz/forms/Questionnaire/form-003|1.0.0");
      var definition =
          ((LoadOutcome.Loaded)
                  new FormLoader(
                          Fixtures.FHIR, new FormEngine(Fixtures.FHIR, TerminologySource.none()))
                      .parse(
                          "form-003",
                          Files.readString(FORMS.resolve("form-003/questionnaire.json"))))
              .definition();
      var result = workflow.finalizeDraft(draftId, definition, "form-003", response, UiLanguage.EN);
      assertThat(result).isInstanceOf(DocumentWorkflow.FinalizeResult.Awaiting.class);
      byte[] bytes = store.signingQueue().awaiting().get(0).bytes();

      String patientUrl = base + "/Patient/" + serverId;
      JsonNode bundle = JSON.readTree(bytes);
      assertThat(subjectOf(bundle)).isEqualTo(patientUrl);
      JsonNode patient = entry(bundle, patientUrl);
      assertThat(patient.path("id").asText()).isEqualTo(serverId);
      assertThat(patient.path("identifier").toString()).contains(pinfl);

      // The server takes the document as sent and keeps the reference to its own patient.
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> posted =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/Bundle"))
                  .header("Content-Type", "application/fhir+json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
      String location = posted.headers().firstValue("Location").orElseThrow();
      String stored =
          http.send(
                  HttpRequest.newBuilder(URI.create(location.replaceAll("/_history/.*$", "")))
                      .header("Accept", "application/fhir+json")
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      // HAPI recognises its own base and keeps the reference as Patient/<id>: its patient.
      assertThat(subjectOf(JSON.readTree(stored))).isIn(patientUrl, "Patient/" + serverId);
    } finally {
      store.close();
    }
  }

  private static String subjectOf(JsonNode bundle) {
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
}
