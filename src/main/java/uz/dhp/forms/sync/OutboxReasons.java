package uz.dhp.forms.sync;

import ca.uhn.fhir.context.FhirContext;
import java.util.Optional;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxState;

/**
 * Turns an outbox row into what the outbox view shows: the state's message key, the reason as a
 * localizable message with its arguments (HTTP status, number of errors), and the server's issues.
 */
public final class OutboxReasons {

  private final FhirContext fhir;

  public OutboxReasons(FhirContext fhir) {
    this.fhir = fhir;
  }

  /** {@code sync.state.*} key for the state column. */
  public static String stateKey(OutboxState state) {
    return switch (state) {
      case QUEUED -> "sync.state.queued";
      case SENDING -> "sync.state.sending";
      case SENT -> "sync.state.sent";
      case REJECTED -> "sync.state.rejected";
      case WAITING_RETRY -> "sync.state.waitingRetry";
    };
  }

  /** Why the row is waiting or rejected; empty for queued/sent rows without a failure. */
  public Optional<SyncMessage> reason(OutboxEntry e) {
    if (e.lastErrorKey().isEmpty() || e.state() == OutboxState.SENT) {
      return Optional.empty();
    }
    int status = e.httpStatus().orElse(0);
    int errors = outcome(e).errors().size();
    return Optional.of(SyncMessage.of(e.lastErrorKey().get(), status, errors));
  }

  /** The server's OperationOutcome of a rejection, parsed; empty when there is none. */
  public ServerOutcome outcome(OutboxEntry e) {
    return e.outcomeJson().map(j -> ServerOutcome.parse(fhir, j)).orElse(ServerOutcome.empty());
  }
}
