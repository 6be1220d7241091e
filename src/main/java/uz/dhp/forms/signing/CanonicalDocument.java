package uz.dhp.forms.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The exact bytes a document signature covers: the Bundle without its signing Provenance entries,
 * canonicalized with {@link DocumentCanonicalizer#TARGET_FORMAT}, and their SHA-256.
 *
 * @param bundleId the Bundle's logical id ({@code Bundle.id}), which the signing Provenance targets
 *     as {@code Bundle/<bundleId>}; it is not part of the canonical bytes ({@code #document} drops
 *     it)
 */
public record CanonicalDocument(String bundleId, byte[] bytes, byte[] sha256) {

  public CanonicalDocument {
    bytes = bytes.clone();
    sha256 = sha256.clone();
  }

  static CanonicalDocument of(String bundleId, byte[] bytes) {
    return new CanonicalDocument(bundleId, bytes, sha256Of(bytes));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public byte[] sha256() {
    return sha256.clone();
  }

  /** The hash as sent to the signing page: base64url without padding (RFC 7515 style). */
  public String hashBase64Url() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256);
  }

  boolean hasBytes(byte[] other) {
    return MessageDigest.isEqual(bytes, other);
  }

  boolean hasHash(byte[] other) {
    return MessageDigest.isEqual(sha256, other);
  }

  static byte[] sha256Of(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CanonicalDocument other
        && bundleId.equals(other.bundleId)
        && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * bundleId.hashCode() + Arrays.hashCode(sha256);
  }

  @Override
  public String toString() {
    // Never the bytes: they are the document body.
    return "CanonicalDocument[bundleId=" + bundleId + ", sha256=" + hashBase64Url() + "]";
  }
}
