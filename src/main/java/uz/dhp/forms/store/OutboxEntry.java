package uz.dhp.forms.store;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One outbox row with the document facts the outbox list shows (no document bytes).
 *
 * @param lastErrorKey message key ({@code sync.*}) of the last failure, for the user
 * @param lastErrorDetail technical detail of the last failure (no patient data), for support
 * @param outcomeJson the server's OperationOutcome for a rejection, as received
 * @param documentStatus the document's {@code Composition.status}: {@code final}, or {@code
 *     entered-in-error} for a retraction
 */
public record OutboxEntry(
    long seq,
    String documentId,
    String draftId,
    String formId,
    BundleIdentifier bundleIdentifier,
    int documentVersion,
    OutboxState state,
    int attempts,
    Instant nextAttempt,
    Optional<Instant> sendingSince,
    Optional<String> lastErrorKey,
    Optional<String> lastErrorDetail,
    OptionalInt httpStatus,
    Optional<String> outcomeJson,
    Optional<String> serverId,
    Optional<String> location,
    Optional<Instant> sentAt,
    Instant updated,
    String documentStatus) {

  /** True for a retraction (entered in error) of an earlier document. */
  public boolean isRetraction() {
    return UnsignedDocumentWrite.ENTERED_IN_ERROR.equals(documentStatus);
  }
}
