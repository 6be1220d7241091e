package uz.dhp.forms.sync;

import java.time.Duration;
import java.util.Optional;

/** What one attempt to send a document achieved. */
public sealed interface DeliveryOutcome {

  /**
   * The server holds the document.
   *
   * @param created false when the server already had it (conditional create matched)
   */
  record Delivered(String serverId, String location, int httpStatus, boolean created)
      implements DeliveryOutcome {}

  /**
   * The server refused the document; sending it again will not help. {@code reason} is for the
   * user, {@code outcome} holds the server's issues as received.
   */
  record Rejected(int httpStatus, SyncMessage reason, ServerOutcome outcome, String detail)
      implements DeliveryOutcome {}

  /**
   * Did not get through, or the server asked to come back later. {@code httpStatus} 0: no HTTP
   * answer (connection refused, reset, timeout). {@code offline}: the server could not be reached
   * at all (the connectivity monitor takes over).
   */
  record Retry(
      SyncMessage reason,
      String detail,
      int httpStatus,
      Optional<Duration> retryAfter,
      boolean offline)
      implements DeliveryOutcome {}
}
