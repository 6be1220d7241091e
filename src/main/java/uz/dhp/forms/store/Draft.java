package uz.dhp.forms.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored draft with its body.
 *
 * @param revision increases by one with every committed change of this draft (save, delete,
 *     restore)
 * @param deletedAt when it was soft-deleted; empty while it is live
 */
public record Draft(
    String id,
    String formId,
    String formVersion,
    DraftStatus status,
    String patientName,
    String pinfl,
    String responseJson,
    Instant created,
    Instant updated,
    Optional<Instant> deletedAt,
    long revision) {

  public boolean deleted() {
    return deletedAt.isPresent();
  }
}
