package uz.dhp.forms.store;

import java.time.Instant;

/**
 * A patient known on this PC.
 *
 * @param pinfl the 14-digit personal number
 * @param localId the id (UUID) this patient carries in every document made here
 * @param resourceJson the Patient resource as last finalized (demographics to pre-fill)
 * @param updated when it was last finalized
 */
public record IndexedPatient(String pinfl, String localId, String resourceJson, Instant updated) {

  @Override
  public String toString() {
    // never the PINFL or the resource: patient data
    return "IndexedPatient[localId=" + localId + "]";
  }
}
