package uz.dhp.forms.store;

import java.util.Objects;
import java.util.Optional;

/**
 * What an unsigned document that is a retraction ({@code entered-in-error}) retracts.
 *
 * @param documentId the signed document (table {@code document}) it retracts
 * @param reason the user's reason, if any: trimmed, never blank, at most {@value
 *     #MAX_REASON_LENGTH} characters; may name the patient, so it is kept with the document and
 *     never written to the audit log or the logs
 */
public record Retraction(String documentId, Optional<String> reason) {

  /** Longest reason kept (a DHP letter number and a sentence fit easily). */
  public static final int MAX_REASON_LENGTH = 500;

  public Retraction {
    Objects.requireNonNull(documentId, "documentId");
    reason = reason.map(String::strip).filter(r -> !r.isEmpty());
    if (reason.map(String::length).orElse(0) > MAX_REASON_LENGTH) {
      throw new IllegalArgumentException("a retraction reason has at most 500 characters");
    }
  }

  @Override
  public String toString() {
    // never the reason: it may carry patient data
    return "Retraction[documentId=" + documentId + "]";
  }
}
