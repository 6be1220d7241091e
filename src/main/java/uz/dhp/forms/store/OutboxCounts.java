package uz.dhp.forms.store;

/** How many outbox rows are in each state; {@link #pending()} is the queue size to show. */
public record OutboxCounts(int queued, int sending, int waitingRetry, int sent, int rejected) {

  /** Documents not yet on the server and not rejected. */
  public int pending() {
    return queued + sending + waitingRetry;
  }

  public int total() {
    return pending() + sent + rejected;
  }
}
