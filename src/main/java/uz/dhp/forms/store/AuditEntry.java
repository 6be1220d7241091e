package uz.dhp.forms.store;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One audit log row. Carries ids and codes only, never patient data.
 *
 * @param seq position in the log, strictly increasing
 * @param draftId the draft concerned, for draft actions
 * @param revision the draft revision the action produced, for draft actions
 * @param reasonKey a {@code store.*} message key, e.g. why the store was recovered
 */
public record AuditEntry(
    long seq,
    Instant at,
    Actor actor,
    AuditAction action,
    Optional<String> draftId,
    OptionalLong revision,
    Optional<String> reasonKey) {}
