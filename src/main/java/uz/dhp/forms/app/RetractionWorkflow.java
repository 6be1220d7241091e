package uz.dhp.forms.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.app.DocumentWorkflow.RetractResult;
import uz.dhp.forms.document.DocumentService;
import uz.dhp.forms.document.DocumentStatus;
import uz.dhp.forms.document.FinalizedDocument;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.master.ClinicPractitioner;
import uz.dhp.forms.signing.DocumentCanonicalizer;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.BundleIdentifier;
import uz.dhp.forms.store.DocumentRepository;
import uz.dhp.forms.store.DocumentWrite;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxState;
import uz.dhp.forms.store.Retraction;
import uz.dhp.forms.store.SigningQueueOutcome;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.StoredDocument;
import uz.dhp.forms.store.UnsignedDocument;
import uz.dhp.forms.store.UnsignedDocumentWrite;
import uz.dhp.forms.support.IdGenerator;

/**
 * Retraction of a sent document (dhp-spec §2.4: entered-in-error, on DHP's request only; decision
 * 0013). The retraction is built from the signed bytes without their signing Provenances, by {@link
 * DocumentService#retract}, and kept like any finalized document until the practitioner who signed
 * the original signs it too; then the outbox sends it. Blocking: background threads only.
 */
final class RetractionWorkflow {

  private static final Logger LOG = LoggerFactory.getLogger(RetractionWorkflow.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Store store;
  private final DocumentService documents;
  private final DocumentCanonicalizer canonicalizer;
  private final Supplier<Optional<ClinicMasterData>> masterData;
  private final Actor actor;
  private final IdGenerator ids;

  RetractionWorkflow(
      Store store,
      DocumentService documents,
      DocumentCanonicalizer canonicalizer,
      Supplier<Optional<ClinicMasterData>> masterData,
      Actor actor,
      IdGenerator ids) {
    this.store = store;
    this.documents = documents;
    this.canonicalizer = canonicalizer;
    this.masterData = masterData;
    this.actor = actor;
    this.ids = ids;
  }

  /** A retraction that was signed: its document is retracted for good. */
  static boolean isSignedRetraction(UnsignedDocument d) {
    return d.retraction().isPresent() && d.state() == UnsignedDocument.State.SIGNED;
  }

  RetractResult retract(String documentId, String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.length() > Retraction.MAX_REASON_LENGTH) {
      return refused("retract.reasonTooLong", String.valueOf(Retraction.MAX_REASON_LENGTH));
    }
    Optional<StoredDocument> found = store.documents().find(documentId);
    if (found.isEmpty()) {
      return refused("retract.notFound");
    }
    StoredDocument sent = found.get();
    if (UnsignedDocumentWrite.ENTERED_IN_ERROR.equals(sent.status())) {
      return refused("retract.isRetraction");
    }
    Optional<RetractResult> notSent = checkSent(sent);
    if (notSent.isPresent()) {
      return notSent.get();
    }
    List<UnsignedDocument> versions = store.signingQueue().forDraft(sent.draftId());
    Optional<RetractResult> conflict = checkVersions(sent, versions);
    if (conflict.isPresent()) {
      return conflict.get();
    }
    Optional<String> signerKey =
        versions.stream()
            .filter(v -> v.signedDocumentId().filter(documentId::equals).isPresent())
            .map(UnsignedDocument::signerKey)
            .findFirst();
    Optional<ClinicPractitioner> signer =
        signerKey.flatMap(k -> masterData.get().flatMap(m -> m.practitioner(k)));
    if (signer.isEmpty()) {
      return refused("retract.unknownSigner", signerKey.orElse("—"));
    }
    // The retraction is the next version of the document, after every version kept so far.
    int latest =
        Math.max(
            sent.version(), versions.stream().mapToInt(UnsignedDocument::version).max().orElse(0));
    Optional<FinalizedDocument> original = unsignedOriginal(sent, latest);
    if (original.isEmpty()) {
      return refused("retract.unreadable");
    }
    return keep(sent, documents.retract(original.get()), signerKey.get(), signer.get(), why);
  }

  /** Only what DHP holds can be retracted; what is still on its way would arrive after it. */
  private Optional<RetractResult> checkSent(StoredDocument doc) {
    Optional<OutboxState> state = store.outbox().find(doc.id()).map(OutboxEntry::state);
    if (!doc.signed() || state.isEmpty()) {
      return Optional.of(refused("retract.notSent"));
    }
    if (state.get() == OutboxState.REJECTED) {
      return Optional.of(refused("retract.rejected"));
    }
    if (state.get() != OutboxState.SENT) {
      return Optional.of(refused("retract.notSentYet"));
    }
    return Optional.empty();
  }

  private Optional<RetractResult> checkVersions(
      StoredDocument doc, List<UnsignedDocument> versions) {
    for (UnsignedDocument v : versions) {
      if (v.retraction().isEmpty() || v.state() == UnsignedDocument.State.WITHDRAWN) {
        continue;
      }
      if (v.state() == UnsignedDocument.State.AWAITING) {
        return Optional.of(refused("retract.alreadyAwaiting"));
      }
      // Signed: one retraction per document; if DHP refused it, it is retried, not made anew.
      return Optional.of(
          refused(
              rejected(v.signedDocumentId())
                  ? "retract.retractionRejected"
                  : "retract.alreadyRetracted"));
    }
    // A newer signed version replaces this one at DHP (unless DHP refused it): retract that one.
    for (UnsignedDocument v : versions) {
      if (v.state() == UnsignedDocument.State.SIGNED
          && v.version() > doc.version()
          && !rejected(v.signedDocumentId())) {
        return Optional.of(refused("retract.newerVersion", String.valueOf(v.version())));
      }
    }
    return Optional.empty();
  }

  private boolean rejected(Optional<String> documentId) {
    return documentId
        .flatMap(id -> store.outbox().find(id))
        .map(e -> e.state() == OutboxState.REJECTED)
        .orElse(false);
  }

  /**
   * The signed document as it was finalized: the same bytes without the signing Provenances,
   * numbered {@code version} (the newest kept version, so that the retraction comes after it).
   */
  private Optional<FinalizedDocument> unsignedOriginal(StoredDocument sent, int version) {
    Optional<byte[]> bytes = canonicalizer.withoutSignatures(sent.bytes());
    if (bytes.isEmpty() || sent.compositionIdentifier().isEmpty()) {
      return Optional.empty();
    }
    try {
      String bundleId = JSON.readTree(bytes.get()).path("id").asText("");
      String formId = sent.formId();
      return Optional.of(
          new FinalizedDocument(
              sent.bundleIdentifier().value(),
              sent.compositionIdentifier().get(),
              version,
              DocumentStatus.FINAL,
              bundleId,
              formId.startsWith("form-") ? formId.substring("form-".length()) : formId,
              bytes.get(),
              DocumentRepository.sha256(bytes.get())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private RetractResult keep(
      StoredDocument sent,
      FinalizedDocument retraction,
      String signerKey,
      ClinicPractitioner signer,
      String reason) {
    String id = ids.newId();
    SigningQueueOutcome.Kept kept =
        store
            .signingQueue()
            .keep(
                new UnsignedDocumentWrite(
                    new DocumentWrite(
                        id,
                        sent.draftId(),
                        sent.formId(),
                        new BundleIdentifier(
                            sent.bundleIdentifier().system(), retraction.bundleIdentifier()),
                        retraction.compositionIdentifier(),
                        retraction.version(),
                        retraction.status().code(),
                        false,
                        retraction.bytes()),
                    signerKey,
                    Optional.of(new Retraction(sent.id(), Optional.of(reason)))),
                actor);
    if (kept instanceof SigningQueueOutcome.Awaiting a) {
      LOG.info("Retraction {} of document {} awaits its signature", id, sent.id());
      return new RetractResult.Awaiting(
          id, retraction.version(), signer.fullName(), a.withdrawn().size());
    }
    if (kept instanceof SigningQueueOutcome.AlreadyRetracted) {
      return refused("retract.alreadyRetracted");
    }
    if (kept instanceof SigningQueueOutcome.KeepFailed f) {
      throw new UserFacingFailure(f.failure().reasonKey(), f.failure().detail());
    }
    throw new IllegalStateException("a new document id or identifier was already taken");
  }

  private static RetractResult.Refused refused(String key, String... args) {
    return new RetractResult.Refused(key, List.of(args));
  }
}
