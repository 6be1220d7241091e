package uz.dhp.forms.sync;

import java.time.Instant;
import java.util.Optional;
import uz.dhp.forms.store.OutboxCounts;

/**
 * A snapshot for the status bar: connection, queue size, and when the next attempt is due.
 *
 * @param lastContact when the server last answered
 * @param authProblem set when sending is blocked until the user logs in again
 */
public record OutboxStatus(
    ConnectivityState connectivity,
    OutboxCounts counts,
    Optional<Instant> nextAttempt,
    Optional<Instant> lastContact,
    Optional<SyncMessage> authProblem) {

  /** Documents still to deliver (the status bar's queue size). */
  public int queueSize() {
    return counts.pending();
  }
}
