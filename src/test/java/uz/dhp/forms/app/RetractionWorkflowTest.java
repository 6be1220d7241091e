package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.app.DocumentWorkflow.FinalizeResult;
import uz.dhp.forms.app.DocumentWorkflow.RetractResult;
import uz.dhp.forms.document.DocumentService;
import uz.dhp.forms.document.Fixtures;
import uz.dhp.forms.document.Form003Example;
import uz.dhp.forms.document.SharedValidator;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.io.FormLoader;
import uz.dhp.forms.form.io.LoadOutcome;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.signing.DocumentCanonicalizer;
import uz.dhp.forms.signing.SignedDocument;
import uz.dhp.forms.signing.StoredSignaturesOutcome;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.AuditAction;
import uz.dhp.forms.store.AuditEntry;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxState;
import uz.dhp.forms.store.OutboxUpdate;
import uz.dhp.forms.store.Retraction;
import uz.dhp.forms.store.SigningQueueOutcome;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.StoreOpenOutcome;
import uz.dhp.forms.store.StoreOpener;
import uz.dhp.forms.store.StoredDocument;
import uz.dhp.forms.store.UnsignedDocument;
import uz.dhp.forms.support.IdGenerator;
import uz.dhp.forms.terminology.TerminologySource;

/**
 * Retraction of a sent document, on a real store with the real document service and real signatures
 * (sandbox CA, verified like in the app): it awaits the original signer, carries no old signature,
 * and once signed goes to the outbox as entered-in-error with the same Composition.identifier;
 * everything else is refused with a message and nothing written. "Sent" is set at store level
 * (claim + markSent), as the outbox worker does after the server's answer.
 */
class RetractionWorkflowTest {

  private static final Path FORMS = Path.of(System.getProperty("dhp.forms.dir", "forms"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.systemUTC();
  private static final String SIGNER = "att";
  private static SandboxSignature signing;

  @TempDir Path dir;
  private Store store;
  private final AtomicReference<Optional<ClinicMasterData>> master =
      new AtomicReference<>(Optional.of(Fixtures.clinic()));
  private final DocumentCanonicalizer canonicalizer = new DocumentCanonicalizer(Fixtures.FHIR);
  private DocumentWorkflow workflow;
  private FormDefinition form003;
  private String draftId;

  @BeforeAll
  static void certificateAuthority() {
    signing = new SandboxSignature(Fixtures.FHIR, CLOCK, Fixtures.clinic());
  }

  @BeforeEach
  void setUp() throws Exception {
    Assumptions.assumeTrue(
        Fixtures.sharedDir() != null, "shared reference data (dhp.shared.dir) absent: skipped");
    StoreOpenOutcome o = new StoreOpener(CLOCK).open(dir);
    store = ((StoreOpenOutcome.Opened) o).store();
    DocumentService documents =
        new DocumentService(
            Fixtures.FHIR,
            CLOCK,
            IdGenerator.random(),
            CompletableFuture.supplyAsync(SharedValidator::get));
    workflow =
        new DocumentWorkflow(
            store,
            documents,
            canonicalizer,
            FORMS,
            master::get,
            Actor.SYSTEM,
            IdGenerator.random());
    FormLoader loader =
        new FormLoader(Fixtures.FHIR, new FormEngine(Fixtures.FHIR, TerminologySource.none()));
    form003 =
        ((LoadOutcome.Loaded)
                loader.parse(
                    "form-003", Files.readString(FORMS.resolve("form-003/questionnaire.json"))))
            .definition();
    draftId =
        new StoreDraftIndex(
                store.drafts(),
                Actor.SYSTEM,
                IdGenerator.random()::newId,
                AppRuntime::emptyResponse)
            .create("form-003", "1.0.0", "https://dhp.uz/forms/Questionnaire/form-003|1.0.0");
  }

  @AfterEach
  void tearDown() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void aSentDocumentIsRetractedBySignatureOfItsSignerAndTheRetractionIsQueuedForSending()
      throws Exception {
    StoredDocument sent = signed(finalizeNext());
    markSent(sent);

    RetractResult result = workflow.retract(sent.id(), "  DHP request 17/2026  ");

    String signerName = Fixtures.clinic().practitioner(SIGNER).orElseThrow().fullName();
    assertThat(result).isInstanceOf(RetractResult.Awaiting.class);
    RetractResult.Awaiting awaiting = (RetractResult.Awaiting) result;
    assertThat(awaiting.version()).isEqualTo(2);
    assertThat(awaiting.signerName()).isEqualTo(signerName);
    assertThat(awaiting.withdrawn()).isZero();
    UnsignedDocument retraction = store.signingQueue().awaiting().get(0);
    assertThat(retraction.id()).isEqualTo(awaiting.documentId());
    assertThat(retraction.status()).isEqualTo("entered-in-error");
    assertThat(retraction.signerKey()).isEqualTo(SIGNER);
    assertThat(retraction.draftId()).isEqualTo(sent.draftId());
    assertThat(retraction.retraction())
        .contains(new Retraction(sent.id(), Optional.of("DHP request 17/2026")));
    assertThat(retraction.compositionIdentifier()).isEqualTo(sent.compositionIdentifier());
    assertThat(retraction.bundleIdentifier()).isNotEqualTo(sent.bundleIdentifier());
    assertThat(store.signingQueue().awaitingCount()).isEqualTo(1);

    // The content is the sent document's, minus its signature, with the new status and identity.
    JsonNode before = JSON.readTree(sent.bytes());
    JsonNode after = JSON.readTree(retraction.bytes());
    assertThat(provenances(before)).hasSize(1);
    assertThat(provenances(after)).isEmpty();
    assertThat(after.path("id").asText()).isNotEqualTo(before.path("id").asText()).isNotEmpty();
    assertThat(after.at("/identifier/value").asText())
        .isEqualTo(retraction.bundleIdentifier().value());
    JsonNode composition = after.at("/entry/0/resource");
    assertThat(composition.path("status").asText()).isEqualTo("entered-in-error");
    assertThat(composition.path("identifier").findValuesAsText("value"))
        .contains(sent.compositionIdentifier().orElseThrow());
    assertThat(fullUrls(after)).isEqualTo(fullUrls(before).subList(0, fullUrls(after).size()));
    assertThat(fullUrls(after)).hasSize(fullUrls(before).size() - 1);
    assertThat(composition.path("text")).isEqualTo(before.at("/entry/0/resource/text"));

    // Audited without the reason (it may name the patient): action, draft and version only.
    List<AuditEntry> audit = store.audit().forDraft(draftId);
    AuditEntry created = audit.get(audit.size() - 1);
    assertThat(created.action()).isEqualTo(AuditAction.RETRACTION_CREATED);
    assertThat(created.revision()).hasValue(2);
    assertThat(created.reasonKey()).isEmpty();

    // A retraction that already awaits is not made twice.
    assertThat(workflow.retract(sent.id(), ""))
        .isEqualTo(new RetractResult.Refused("retract.alreadyAwaiting", List.of()));

    // Signed like any document: it verifies and is queued, entered-in-error, same document id.
    StoredDocument signedRetraction = signed(retraction);
    assertThat(signedRetraction.status()).isEqualTo("entered-in-error");
    assertThat(signedRetraction.version()).isEqualTo(2);
    assertThat(signedRetraction.compositionIdentifier()).isEqualTo(sent.compositionIdentifier());
    assertThat(signedRetraction.bundleIdentifier()).isEqualTo(retraction.bundleIdentifier());
    StoredSignaturesOutcome verified = signing.verifyStored(signedRetraction.bytes());
    assertThat(verified).isInstanceOf(StoredSignaturesOutcome.Valid.class);
    assertThat(((StoredSignaturesOutcome.Valid) verified).signatures()).hasSize(1);
    JsonNode signedTree = JSON.readTree(signedRetraction.bytes());
    assertThat(provenances(signedTree))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.at("/target/0/reference").asText())
                    .isEqualTo("Bundle/" + after.path("id").asText()));
    OutboxEntry queued = store.outbox().find(signedRetraction.id()).orElseThrow();
    assertThat(queued.state()).isEqualTo(OutboxState.QUEUED);
    assertThat(queued.isRetraction()).isTrue();
    assertThat(store.signingQueue().awaitingCount()).isZero();

    // Retracted for good: not again, not the retraction itself, and no new version of the draft.
    assertThat(workflow.retract(sent.id(), ""))
        .isEqualTo(new RetractResult.Refused("retract.alreadyRetracted", List.of()));
    assertThat(workflow.retract(signedRetraction.id(), ""))
        .isEqualTo(new RetractResult.Refused("retract.isRetraction", List.of()));
    assertThat(finalizeExample())
        .isEqualTo(new FinalizeResult.Blocked("draft.finalize.retracted", List.of()));
    assertThat(store.signingQueue().awaitingCount()).isZero();

    // Should DHP refuse the retraction, it is retried from the outbox, not made a second time.
    assertThat(store.outbox().claimNextDue().map(OutboxEntry::documentId))
        .contains(signedRetraction.id());
    store.outbox().markRejected(signedRetraction.id(), 422, "sync.rejected.invalid", "x", "{}");
    assertThat(workflow.retract(sent.id(), ""))
        .isEqualTo(new RetractResult.Refused("retract.retractionRejected", List.of()));
  }

  @Test
  void onlyWhatDhpHoldsCanBeRetractedAndARefusalWritesNothing() throws Exception {
    assertThat(workflow.retract("no-such-document", ""))
        .isEqualTo(new RetractResult.Refused("retract.notFound", List.of()));

    StoredDocument queued = signed(finalizeNext());
    assertThat(workflow.retract(queued.id(), ""))
        .isEqualTo(new RetractResult.Refused("retract.notSentYet", List.of()));

    String docId = queued.id();
    assertThat(store.outbox().claimNextDue()).isPresent();
    assertThat(store.outbox().markRejected(docId, 422, "sync.rejected.invalid", "HTTP 422", "{}"))
        .isInstanceOf(OutboxUpdate.Applied.class);
    assertThat(workflow.retract(docId, ""))
        .isEqualTo(new RetractResult.Refused("retract.rejected", List.of()));
    assertThat(store.signingQueue().forDraft(draftId)).hasSize(1);
  }

  @Test
  void theSignerMustStillBeInTheClinicAndTheReasonShort() throws Exception {
    StoredDocument sent = signed(finalizeNext());
    markSent(sent);
    ClinicMasterData clinic = Fixtures.clinic();
    master.set(
        Optional.of(
            new ClinicMasterData(
                clinic.organization(),
                clinic.departments(),
                clinic.practitioners().stream().filter(p -> !p.key().equals(SIGNER)).toList(),
                clinic.partners())));
    assertThat(workflow.retract(sent.id(), ""))
        .isEqualTo(new RetractResult.Refused("retract.unknownSigner", List.of(SIGNER)));
    master.set(Optional.empty());
    assertThat(workflow.retract(sent.id(), ""))
        .isEqualTo(new RetractResult.Refused("retract.unknownSigner", List.of(SIGNER)));
    master.set(Optional.of(clinic));
    assertThat(workflow.retract(sent.id(), "x".repeat(Retraction.MAX_REASON_LENGTH + 1)))
        .isEqualTo(new RetractResult.Refused("retract.reasonTooLong", List.of("500")));
    assertThat(store.signingQueue().awaitingCount()).isZero();

    assertThat(workflow.retract(sent.id(), "x".repeat(Retraction.MAX_REASON_LENGTH)))
        .isInstanceOf(RetractResult.Awaiting.class);
  }

  @Test
  void onlyTheNewestVersionIsRetractedAndItReplacesACorrectionNotYetSigned() throws Exception {
    StoredDocument v1 = signed(finalizeNext());
    markSent(v1);
    StoredDocument v2 = signed(finalizeNext());
    markSent(v2);
    assertThat(workflow.retract(v1.id(), ""))
        .isEqualTo(new RetractResult.Refused("retract.newerVersion", List.of("2")));

    UnsignedDocument correction = finalizeNext();
    assertThat(correction.version()).isEqualTo(3);
    RetractResult result = workflow.retract(v2.id(), "");

    assertThat(result).isInstanceOf(RetractResult.Awaiting.class);
    assertThat(((RetractResult.Awaiting) result).version()).isEqualTo(4);
    assertThat(((RetractResult.Awaiting) result).withdrawn()).isEqualTo(1);
    assertThat(store.signingQueue().find(correction.id()).orElseThrow().state())
        .isEqualTo(UnsignedDocument.State.WITHDRAWN);
    assertThat(store.signingQueue().awaiting())
        .singleElement()
        .satisfies(r -> assertThat(r.retraction().orElseThrow().documentId()).isEqualTo(v2.id()));
  }

  // --- the app's steps, as the screens run them ---

  private FinalizeResult finalizeExample() {
    String answers = Form003Example.response(Fixtures.form("003").questionnaire()).toString();
    return workflow.finalizeDraft(draftId, form003, "form-003", answers, UiLanguage.EN);
  }

  /** Finalizes the draft (again): the next version, awaiting its signature. */
  private UnsignedDocument finalizeNext() {
    FinalizeResult result = finalizeExample();
    assertThat(result).isInstanceOf(FinalizeResult.Awaiting.class);
    return store.signingQueue().find(((FinalizeResult.Awaiting) result).documentId()).orElseThrow();
  }

  /** Signs {@code doc} as the signing screen does and stores the signed copy (queued). */
  private StoredDocument signed(UnsignedDocument doc) {
    DocumentWorkflow.Signer signer = workflow.signerOf(doc).orElseThrow();
    SignedDocument signedDoc = signing.sign(doc.bytes(), signer.role(), signer.pinfl());
    SigningQueueOutcome.Signed stored = workflow.storeSigned(doc, signedDoc);
    assertThat(stored).isInstanceOf(SigningQueueOutcome.Queued.class);
    return store.documents().find(((SigningQueueOutcome.Queued) stored).documentId()).orElseThrow();
  }

  /** What the outbox worker records when the server accepted the document. */
  private void markSent(StoredDocument doc) {
    assertThat(store.outbox().claimNextDue().map(OutboxEntry::documentId)).contains(doc.id());
    assertThat(store.outbox().markSent(doc.id(), "srv-" + doc.version(), "Bundle/srv", 201))
        .isInstanceOf(OutboxUpdate.Applied.class);
  }

  private static List<JsonNode> provenances(JsonNode bundle) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode e : bundle.path("entry")) {
      if ("Provenance".equals(e.at("/resource/resourceType").asText())) {
        found.add(e.path("resource"));
      }
    }
    return found;
  }

  private static List<String> fullUrls(JsonNode bundle) {
    List<String> urls = new ArrayList<>();
    bundle.path("entry").forEach(e -> urls.add(e.path("fullUrl").asText()));
    return urls;
  }
}
