package uz.dhp.forms.store;

/** Result of an outbox state change. */
public sealed interface OutboxUpdate {

  /** Committed. */
  record Applied(OutboxEntry entry) implements OutboxUpdate {}

  /**
   * Not applied: the row was not in a state that allows this change (for example a result for a row
   * that is no longer {@code sending}), or does not exist.
   */
  record NotApplicable(String documentId, String reason) implements OutboxUpdate {}

  /** Not written; see the failure. */
  record Failed(String documentId, StoreFailure failure) implements OutboxUpdate {}
}
