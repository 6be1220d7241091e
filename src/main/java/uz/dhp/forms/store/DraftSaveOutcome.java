package uz.dhp.forms.store;

import java.time.Instant;

/** Result of {@link DraftRepository#upsert}. */
public sealed interface DraftSaveOutcome {

  /**
   * Committed (durably: the WAL was fsynced) before this value was returned.
   *
   * @param created true when this save created the draft
   */
  record Saved(String id, long revision, Instant updated, boolean created)
      implements DraftSaveOutcome {}

  /**
   * Not written: the draft's revision was not the one the caller expected (another window or
   * process saved it in between). {@code actualRevision} 0 means the draft does not exist.
   */
  record Conflict(String id, long expectedRevision, long actualRevision)
      implements DraftSaveOutcome {}

  /** Not written; the previous revision is intact. */
  record Failed(String id, StoreFailure failure) implements DraftSaveOutcome {}
}
