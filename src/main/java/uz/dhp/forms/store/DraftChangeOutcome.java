package uz.dhp.forms.store;

/** Result of {@link DraftRepository#softDelete} and {@link DraftRepository#restore}. */
public sealed interface DraftChangeOutcome {

  /** Committed; the draft now has this revision. */
  record Changed(String id, long revision) implements DraftChangeOutcome {}

  /** The draft was already in the requested state; nothing was written. */
  record Unchanged(String id, long revision) implements DraftChangeOutcome {}

  /** There is no draft with this id. */
  record NotFound(String id) implements DraftChangeOutcome {}

  /** Not written. */
  record Failed(String id, StoreFailure failure) implements DraftChangeOutcome {}
}
