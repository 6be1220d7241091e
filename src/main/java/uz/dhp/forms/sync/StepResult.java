package uz.dhp.forms.sync;

import java.time.Instant;
import java.util.Optional;
import uz.dhp.forms.store.OutboxEntry;

/** What one {@link OutboxWorker#step()} did. */
public sealed interface StepResult {

  /** Nothing due; {@code nextDue} is when the next row becomes due, if any. */
  record Idle(Optional<Instant> nextDue) implements StepResult {}

  /** A row left in {@code sending} by an earlier run could not be resolved: server unreachable. */
  record Unresolved(int rows) implements StepResult {}

  /** One row was attempted; {@code entry} is its new state. */
  record Attempted(OutboxEntry entry, DeliveryOutcome outcome) implements StepResult {
    /** True when the server could not be reached at all. */
    public boolean offline() {
      return outcome instanceof DeliveryOutcome.Retry r && r.offline();
    }
  }

  /** The local store failed; nothing was sent. */
  record StoreFailed(String detail) implements StepResult {}
}
