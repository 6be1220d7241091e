package uz.dhp.forms.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * A finalized (or signed) document to store together with its outbox row.
 *
 * @param id local document id
 * @param draftId the draft it was finalized from
 * @param formId e.g. {@code form-003}
 * @param bundleIdentifier {@code Bundle.identifier}, the key that makes sending idempotent
 * @param compositionIdentifier {@code Composition.identifier} value, the same for every version
 * @param version 1 for the first document of a draft, then 2, 3 … for corrected versions
 * @param status {@code Composition.status}, e.g. {@code final}
 * @param signed whether the bytes carry a signature (Provenance)
 * @param bytes the exact bytes that are sent, never re-serialized
 */
public record DocumentWrite(
    String id,
    String draftId,
    String formId,
    BundleIdentifier bundleIdentifier,
    String compositionIdentifier,
    int version,
    String status,
    boolean signed,
    byte[] bytes) {

  public DocumentWrite {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(draftId, "draftId");
    Objects.requireNonNull(formId, "formId");
    Objects.requireNonNull(bundleIdentifier, "bundleIdentifier");
    Objects.requireNonNull(status, "status");
    if (id.isBlank() || version < 1 || bytes.length == 0) {
      throw new IllegalArgumentException("a document needs an id, a version ≥ 1 and bytes");
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DocumentWrite w
        && id.equals(w.id)
        && draftId.equals(w.draftId)
        && formId.equals(w.formId)
        && bundleIdentifier.equals(w.bundleIdentifier)
        && Objects.equals(compositionIdentifier, w.compositionIdentifier)
        && version == w.version
        && status.equals(w.status)
        && signed == w.signed
        && Arrays.equals(bytes, w.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, bundleIdentifier, version) * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "DocumentWrite[id=" + id + ", bundleIdentifier=" + bundleIdentifier + "]";
  }
}
