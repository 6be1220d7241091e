package uz.dhp.forms.signing;

import java.util.Arrays;

/**
 * A document Bundle with its signing Provenance entry appended: {@link #bytes()} are what is stored
 * (immutably) and sent, never re-serialized.
 *
 * @param bundleId {@code Bundle.id}
 * @param provenanceFullUrl the {@code urn:uuid:} fullUrl of the appended Provenance entry
 * @param canonicalSha256 SHA-256 of the canonical bytes the signature covers (unchanged by signing)
 */
public record SignedDocument(
    String bundleId, byte[] bytes, String provenanceFullUrl, byte[] canonicalSha256) {

  public SignedDocument {
    bytes = bytes.clone();
    canonicalSha256 = canonicalSha256.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public byte[] canonicalSha256() {
    return canonicalSha256.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedDocument other
        && bundleId.equals(other.bundleId)
        && provenanceFullUrl.equals(other.provenanceFullUrl)
        && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SignedDocument[bundleId=" + bundleId + ", " + bytes.length + " bytes]";
  }
}
