package uz.dhp.forms.store;

import java.time.Instant;
import java.util.Optional;

/** A row of the draft list: the metadata of a draft without its body. */
public record DraftSummary(
    String id,
    String formId,
    String formVersion,
    DraftStatus status,
    String patientName,
    String pinfl,
    Instant created,
    Instant updated,
    Optional<Instant> deletedAt,
    long revision) {

  public boolean deleted() {
    return deletedAt.isPresent();
  }
}
