package uz.dhp.forms.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * A finalized, not yet signed document to keep until its practitioner signs it.
 *
 * @param id local id of this unsigned version
 * @param draftId the draft it was finalized from
 * @param formId e.g. {@code form-003}
 * @param bundleIdentifier {@code Bundle.identifier}; the signed copy keeps it
 * @param compositionIdentifier {@code Composition.identifier} value, the same for every version
 * @param version 1 for the first document of a draft, +1 for each correction
 * @param status {@code Composition.status}
 * @param signerKey master-data key of the practitioner role who is to sign
 * @param bytes the exact finalized bytes
 */
public record UnsignedDocumentWrite(
    String id,
    String draftId,
    String formId,
    BundleIdentifier bundleIdentifier,
    String compositionIdentifier,
    int version,
    String status,
    String signerKey,
    byte[] bytes) {

  public UnsignedDocumentWrite {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(draftId, "draftId");
    Objects.requireNonNull(formId, "formId");
    Objects.requireNonNull(bundleIdentifier, "bundleIdentifier");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(signerKey, "signerKey");
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
    return o instanceof UnsignedDocumentWrite w
        && id.equals(w.id)
        && bundleIdentifier.equals(w.bundleIdentifier)
        && version == w.version
        && signerKey.equals(w.signerKey)
        && Arrays.equals(bytes, w.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, bundleIdentifier, version) * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    // never the bytes: they are a patient record
    return "UnsignedDocumentWrite[id=" + id + ", bundleIdentifier=" + bundleIdentifier + "]";
  }
}
