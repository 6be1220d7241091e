package uz.dhp.forms.sync.patient;

import java.time.Instant;

/** Result of looking a patient up by PINFL. */
public sealed interface PatientLookupOutcome {

  /**
   * Found: documents reference {@code <serverBase>/Patient/<serverId>} instead of a new patient,
   * when they go to that same server (an offline copy may come from another server than the
   * current).
   *
   * @param fromCache true when the server could not be asked and the offline copy was used
   * @param fetched when the data came from the server
   */
  record Found(PatientSummary patient, boolean fromCache, Instant fetched)
      implements PatientLookupOutcome {}

  /** The server has no patient with this PINFL. */
  record NotFound(String pinfl) implements PatientLookupOutcome {}

  /** More than one patient carries the PINFL: the user must choose; nothing is pre-filled. */
  record Ambiguous(String pinfl, int count) implements PatientLookupOutcome {}

  /** Offline and not cached. {@code reasonKey}: a {@code sync.patient.*} message key. */
  record Unavailable(String reasonKey, String detail) implements PatientLookupOutcome {}

  /** Not a PINFL (14 digits); nothing was asked. */
  record InvalidPinfl(String reasonKey) implements PatientLookupOutcome {}
}
