package uz.dhp.forms.store;

/** Result of a simple write (a setting, an audit event). */
public sealed interface StoreWriteOutcome {

  /** Committed. */
  record Written() implements StoreWriteOutcome {}

  /** Nothing was written. */
  record Failed(StoreFailure failure) implements StoreWriteOutcome {}
}
