package uz.dhp.forms.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.document.DocumentService;
import uz.dhp.forms.document.DocumentService.FinalizeRequest;
import uz.dhp.forms.document.DocumentStatus;
import uz.dhp.forms.document.FinalizeOutcome;
import uz.dhp.forms.document.FinalizedDocument;
import uz.dhp.forms.document.extract.EntryIdentity;
import uz.dhp.forms.document.extract.FormFiles;
import uz.dhp.forms.document.extract.ResponseNode;
import uz.dhp.forms.document.finding.Finding;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.master.ClinicPractitioner;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.signing.DocumentCanonicalizer;
import uz.dhp.forms.signing.SignedDocument;
import uz.dhp.forms.signing.SignerRole;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.BundleIdentifier;
import uz.dhp.forms.store.DocumentWrite;
import uz.dhp.forms.store.SigningQueueOutcome;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.UnsignedDocument;
import uz.dhp.forms.store.UnsignedDocumentWrite;
import uz.dhp.forms.support.IdGenerator;

/**
 * The document lifecycle in the app (dhp-spec C1): a draft is finalized into a document that awaits
 * its practitioner's signature; the signed copy goes to the outbox. A finalized draft that is
 * changed and finalized again becomes the next version (same Composition.identifier); a sent one
 * can be retracted on DHP's request ({@link #retract}). Blocking: call from background threads
 * only.
 */
final class DocumentWorkflow {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentWorkflow.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROLE_PREFIX = "PractitionerRole/";

  private final Store store;
  private final DocumentService documents;
  private final Path formsDir;
  private final Supplier<Optional<ClinicMasterData>> masterData;
  private final Actor actor;
  private final IdGenerator ids;
  private final RetractionWorkflow retractions;
  private final Function<String, Optional<EntryIdentity>> serverPatients;

  DocumentWorkflow(
      Store store,
      DocumentService documents,
      DocumentCanonicalizer canonicalizer,
      Path formsDir,
      Supplier<Optional<ClinicMasterData>> masterData,
      Actor actor,
      IdGenerator ids) {
    this(
        store,
        documents,
        canonicalizer,
        formsDir,
        masterData,
        actor,
        ids,
        pinfl -> Optional.empty());
  }

  /**
   * @param serverPatients the patient's identity on the DHP server by PINFL, when the server is
   *     known to have the patient ({@link ServerPatientIdentity}); else the local index id is used
   */
  DocumentWorkflow(
      Store store,
      DocumentService documents,
      DocumentCanonicalizer canonicalizer,
      Path formsDir,
      Supplier<Optional<ClinicMasterData>> masterData,
      Actor actor,
      IdGenerator ids,
      Function<String, Optional<EntryIdentity>> serverPatients) {
    this.store = store;
    this.documents = documents;
    this.formsDir = formsDir;
    this.masterData = masterData;
    this.actor = actor;
    this.ids = ids;
    this.retractions =
        new RetractionWorkflow(store, documents, canonicalizer, masterData, actor, ids);
    this.serverPatients = serverPatients;
  }

  /** How finalizing went. */
  sealed interface FinalizeResult {
    /** Kept as {@code version}; it now awaits its signature. */
    record Awaiting(String documentId, int version, List<Finding> warnings)
        implements FinalizeResult {}

    /** Not valid: the findings (errors first), each with its field where known. */
    record Rejected(List<Finding> findings) implements FinalizeResult {}

    /** Cannot even try: the message to show (app bundle key) and its arguments. */
    record Blocked(String key, List<String> args) implements FinalizeResult {}
  }

  /** How a retraction request went. */
  sealed interface RetractResult {
    /**
     * Kept as {@code version}; it awaits the signature of {@code signerName}. {@code withdrawn}
     * unsigned versions of the same document (a correction not yet signed) were replaced by it.
     */
    record Awaiting(String documentId, int version, String signerName, int withdrawn)
        implements RetractResult {}

    /** Nothing written: the message to show (app bundle key) and its arguments. */
    record Refused(String key, List<String> args) implements RetractResult {}
  }

  /** True once the document checker is ready (finalizing before that waits for it). */
  boolean validatorReady() {
    return documents.validatorReady();
  }

  /** Finalizes the draft's saved answers {@code responseJson} of form {@code definition}. */
  FinalizeResult finalizeDraft(
      String draftId,
      FormDefinition definition,
      String formId,
      String responseJson,
      UiLanguage ui) {
    Path formDir = formsDir.resolve(formId);
    if (!Files.isRegularFile(formDir.resolve("extraction.json"))) {
      return new FinalizeResult.Blocked("draft.finalize.noMapping", List.of(formId));
    }
    FormFiles form;
    JsonNode response;
    try {
      form = FormFiles.load(formDir);
      response = JSON.readTree(responseJson);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Form {} cannot make documents: {}", formId, e.getClass().getSimpleName());
      return new FinalizeResult.Blocked("draft.finalize.noMapping", List.of(formId));
    }
    Optional<ClinicMasterData> master = masterData.get();
    if (master.isEmpty()) {
      return new FinalizeResult.Blocked("draft.finalize.noMasterData", List.of());
    }
    Optional<String> signerKey = authorKey(form, response);
    if (signerKey.isEmpty()) {
      return new FinalizeResult.Blocked("draft.finalize.noSigner", List.of());
    }
    if (master.get().practitioner(signerKey.get()).isEmpty()) {
      return new FinalizeResult.Blocked("draft.finalize.unknownSigner", List.of(signerKey.get()));
    }
    String pinfl = PatientFields.of(definition).pinfl(PatientFields.parse(responseJson));
    Map<String, EntryIdentity> fixed = Map.of();
    Optional<String> subject = form.subjectRule();
    String localId = "";
    if (pinfl.matches("\\d{14}") && subject.isPresent()) {
      localId = store.patientIndex().idFor(pinfl, ids::newId);
      // Known on the server: the document names that patient (dhp-spec §2.1), not a new one.
      fixed =
          Map.of(
              subject.get(), serverPatients.apply(pinfl).orElse(new EntryIdentity.Local(localId)));
    }
    FinalizeRequest request =
        new FinalizeRequest(form, response, master.get(), signerKey.get(), ui, "uz", fixed);
    List<UnsignedDocument> earlier = store.signingQueue().forDraft(draftId);
    if (earlier.stream().anyMatch(RetractionWorkflow::isSignedRetraction)) {
      // entered-in-error is terminal (dhp-spec §2.4): no new version of a retracted document.
      return new FinalizeResult.Blocked("draft.finalize.retracted", List.of());
    }
    FinalizeOutcome outcome =
        earlier.isEmpty()
            ? documents.finalizeDocument(request)
            : documents.correct(asFinalized(earlier.get(0), form.formNumber()), request);
    if (outcome instanceof FinalizeOutcome.Rejected r) {
      return new FinalizeResult.Rejected(r.findings());
    }
    FinalizedDocument doc = ((FinalizeOutcome.Finalized) outcome).document();
    String id = ids.newId();
    SigningQueueOutcome.Kept kept =
        store
            .signingQueue()
            .keep(
                new UnsignedDocumentWrite(
                    new DocumentWrite(
                        id,
                        draftId,
                        formId,
                        new BundleIdentifier("urn:ietf:rfc:3986", doc.bundleIdentifier()),
                        doc.compositionIdentifier(),
                        doc.version(),
                        doc.status().code(),
                        false,
                        doc.bytes()),
                    signerKey.get()),
                actor);
    if (kept instanceof SigningQueueOutcome.KeepFailed f) {
      throw new UserFacingFailure(f.failure().reasonKey(), f.failure().detail());
    }
    if (!(kept instanceof SigningQueueOutcome.Awaiting)) {
      throw new IllegalStateException("a new document id or identifier was already taken");
    }
    for (EntryIdentity patient : fixed.values()) {
      rememberPatient(pinfl, localId, patient.fullUrl(), doc.bytes());
    }
    return new FinalizeResult.Awaiting(
        id, doc.version(), ((FinalizeOutcome.Finalized) outcome).warnings());
  }

  /** The key of the practitioner role the Composition names as author: the one who signs. */
  static Optional<String> authorKey(FormFiles form, JsonNode response) {
    JsonNode author = form.mapping().path("composition").path("template").path("author");
    String ref = (author.isArray() ? author.path(0) : author).path("reference").asText("");
    int colon = ref.indexOf(':');
    if (!ref.startsWith("@") || colon < 0) {
      return Optional.empty();
    }
    String linkId = ref.substring(colon + 1);
    return ResponseNode.root(response).descendants(linkId).stream()
        .flatMap(n -> n.answers().stream())
        .findFirst()
        .map(a -> a.path("valueReference").path("reference").asText(""))
        .filter(r -> r.startsWith(ROLE_PREFIX) && r.length() > ROLE_PREFIX.length())
        .map(r -> r.substring(ROLE_PREFIX.length()));
  }

  /** The facts of a kept version that a correction builds on. */
  private static FinalizedDocument asFinalized(UnsignedDocument kept, String formNumber) {
    String bundleId;
    try {
      bundleId = JSON.readTree(kept.bytes()).path("id").asText("");
    } catch (IOException e) {
      bundleId = "";
    }
    return new FinalizedDocument(
        kept.bundleIdentifier().value(),
        kept.compositionIdentifier().orElse("urn:uuid:" + kept.id()),
        kept.version(),
        DocumentStatus.FINAL,
        bundleId,
        formNumber,
        kept.bytes(),
        kept.sha256());
  }

  /** The index keeps the local id; the server's id stays in the patient cache (ADR 0014). */
  private void rememberPatient(String pinfl, String localId, String fullUrl, byte[] bundle) {
    try {
      for (JsonNode e : JSON.readTree(bundle).path("entry")) {
        if (fullUrl.equals(e.path("fullUrl").asText())) {
          store.patientIndex().remember(pinfl, localId, e.path("resource").toString());
          return;
        }
      }
    } catch (IOException e) {
      LOG.warn("Patient index not updated: document not readable");
    }
  }

  /**
   * Creates the retraction (entered in error) of the sent document {@code documentId} — only when
   * DHP asked for it (dhp-spec §2.4) — and keeps it awaiting the signature of the practitioner who
   * signed the document; once signed it is sent like any document. {@code reason} (may be blank) is
   * kept with it and shown to the signer. Refused, with nothing written, when the document is not
   * sent, is not the newest version, already has a retraction, or its signer is gone.
   */
  RetractResult retract(String documentId, String reason) {
    return retractions.retract(documentId, reason);
  }

  /** Documents awaiting a signature, oldest first. */
  List<UnsignedDocument> awaiting() {
    return store.signingQueue().awaiting();
  }

  int awaitingCount() {
    return store.signingQueue().awaitingCount();
  }

  /** Who signs {@code doc}: the role as referenced in the Bundle, and the practitioner's PINFL. */
  record Signer(SignerRole role, String pinfl) {}

  Optional<Signer> signerOf(UnsignedDocument doc) {
    Optional<ClinicPractitioner> who =
        masterData.get().flatMap(m -> m.practitioner(doc.signerKey()));
    if (who.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode composition = JSON.readTree(doc.bytes()).path("entry").path(0).path("resource");
      String role = composition.path("author").path(0).path("reference").asText("");
      if (role.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Signer(new SignerRole(role, who.get().fullName()), who.get().pinfl()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Stores the verified signed copy of {@code doc} and queues it for sending. */
  SigningQueueOutcome.Signed storeSigned(UnsignedDocument doc, SignedDocument signed) {
    return store
        .signingQueue()
        .storeSigned(
            doc.id(),
            new DocumentWrite(
                ids.newId(),
                doc.draftId(),
                doc.formId(),
                doc.bundleIdentifier(),
                doc.compositionIdentifier().orElse(null),
                doc.version(),
                doc.status(),
                true,
                signed.bytes()),
            actor);
  }
}
