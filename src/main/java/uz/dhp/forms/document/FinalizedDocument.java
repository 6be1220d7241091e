package uz.dhp.forms.document;

import java.util.Arrays;
import java.util.Objects;

/**
 * A finalized document: the exact bytes that were validated (and will be signed, stored and sent),
 * never re-serialized. Immutable; the byte array is copied in and out.
 *
 * @param bundleIdentifier {@code Bundle.identifier.value}, new for every version
 * @param compositionIdentifier instance {@code Composition.identifier.value}, the same for all
 *     versions of one form
 * @param version 1 for the first document of a form, +1 for each correction / retraction
 * @param status lifecycle status of this version
 * @param bundleId {@code Bundle.id}, target of signing Provenances
 * @param formNumber "003", "096"…
 * @param bytes UTF-8 JSON of the Bundle
 * @param sha256 lower-case hex SHA-256 of {@code bytes}
 */
public record FinalizedDocument(
    String bundleIdentifier,
    String compositionIdentifier,
    int version,
    DocumentStatus status,
    String bundleId,
    String formNumber,
    byte[] bytes,
    String sha256) {

  public FinalizedDocument {
    Objects.requireNonNull(bundleIdentifier, "bundleIdentifier");
    Objects.requireNonNull(compositionIdentifier, "compositionIdentifier");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(bundleId, "bundleId");
    Objects.requireNonNull(formNumber, "formNumber");
    bytes = bytes.clone();
    Objects.requireNonNull(sha256, "sha256");
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FinalizedDocument d
        && bundleIdentifier.equals(d.bundleIdentifier)
        && compositionIdentifier.equals(d.compositionIdentifier)
        && version == d.version
        && status == d.status
        && bundleId.equals(d.bundleId)
        && formNumber.equals(d.formNumber)
        && Arrays.equals(bytes, d.bytes)
        && sha256.equals(d.sha256);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bundleIdentifier, version, sha256);
  }

  @Override
  public String toString() {
    // never the bytes: they are a patient record
    return "FinalizedDocument[" + bundleIdentifier + " v" + version + " " + status + "]";
  }
}
