package uz.dhp.forms.store;

import java.util.List;

/** Results of {@link SigningQueueRepository}'s writes. */
public final class SigningQueueOutcome {

  private SigningQueueOutcome() {}

  /** Result of keeping a finalized document for signing. */
  public sealed interface Kept {}

  /**
   * Committed together: the document awaits its signature, the draft is marked finalized, and
   * {@code withdrawn} (earlier unsigned versions of the same draft) no longer await.
   */
  public record Awaiting(String documentId, List<String> withdrawn) implements Kept {
    public Awaiting {
      withdrawn = List.copyOf(withdrawn);
    }
  }

  /** Nothing written: this id or Bundle.identifier already exists. */
  public record DuplicateDocument(String documentId) implements Kept {}

  /**
   * Nothing written: the signed document {@code retractedId} already has a signed retraction
   * (retractions are terminal, dhp-spec §2.4).
   */
  public record AlreadyRetracted(String documentId, String retractedId) implements Kept {}

  /** Nothing written. */
  public record KeepFailed(String documentId, StoreFailure failure) implements Kept {}

  /** Result of storing a signed copy. */
  public sealed interface Signed {}

  /** The signed bytes are stored and queued for sending; the unsigned one is marked signed. */
  public record Queued(String unsignedId, String documentId, long outboxSeq) implements Signed {}

  /** Nothing written: the document no longer awaits a signature (signed or withdrawn meanwhile). */
  public record NotAwaiting(String unsignedId, UnsignedDocument.State state) implements Signed {}

  /** Nothing written: the signed copy is not of this document (another Bundle.identifier). */
  public record NotTheSameDocument(String unsignedId) implements Signed {}

  /** Nothing written. */
  public record SignFailed(String unsignedId, StoreFailure failure) implements Signed {}
}
