package uz.dhp.forms.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** A finalized document as stored: the immutable bytes plus the facts about them. */
public record StoredDocument(
    String id,
    String draftId,
    String formId,
    BundleIdentifier bundleIdentifier,
    Optional<String> compositionIdentifier,
    int version,
    String status,
    boolean signed,
    Instant created,
    byte[] bytes,
    String sha256) {

  public StoredDocument {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredDocument d
        && id.equals(d.id)
        && sha256.equals(d.sha256)
        && Arrays.equals(bytes, d.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, sha256);
  }

  @Override
  public String toString() {
    return "StoredDocument[id=" + id + ", bundleIdentifier=" + bundleIdentifier + "]";
  }
}
