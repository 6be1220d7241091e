package uz.dhp.forms.store;

/** Result of {@link DocumentRepository#storeAndQueue}. */
public sealed interface DocumentSaveOutcome {

  /** The document and its outbox row were committed together (durably) before this returned. */
  record Queued(String documentId, long outboxSeq, String sha256) implements DocumentSaveOutcome {}

  /**
   * Nothing written: a document with this id or this {@code Bundle.identifier} already exists (an
   * identifier is never reused).
   */
  record Duplicate(String documentId, BundleIdentifier bundleIdentifier)
      implements DocumentSaveOutcome {}

  /** Nothing written; see the failure. */
  record Failed(String documentId, StoreFailure failure) implements DocumentSaveOutcome {}
}
