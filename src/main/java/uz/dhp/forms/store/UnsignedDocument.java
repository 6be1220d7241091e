package uz.dhp.forms.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A finalized document as kept for signing, with the draft's patient for the list the practitioner
 * signs from.
 *
 * @param state where it stands: awaiting a signature, signed (the signed copy is {@code
 *     signedDocumentId}) or withdrawn (replaced by a correction before it was signed)
 * @param patientName the draft's patient display name (may be blank)
 * @param pinfl the draft's patient PINFL (may be blank)
 * @param retraction present when this document retracts a signed one (status {@code
 *     entered-in-error})
 */
public record UnsignedDocument(
    String id,
    String draftId,
    String formId,
    BundleIdentifier bundleIdentifier,
    Optional<String> compositionIdentifier,
    int version,
    String status,
    String signerKey,
    Instant created,
    byte[] bytes,
    String sha256,
    State state,
    Optional<String> signedDocumentId,
    String patientName,
    String pinfl,
    Optional<Retraction> retraction) {

  /** Where an unsigned document stands. */
  public enum State {
    AWAITING("awaiting"),
    SIGNED("signed"),
    WITHDRAWN("withdrawn");

    private final String code;

    State(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    static State of(String code) {
      for (State s : values()) {
        if (s.code.equals(code)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown state " + code);
    }
  }

  public UnsignedDocument {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnsignedDocument d
        && id.equals(d.id)
        && state == d.state
        && sha256.equals(d.sha256)
        && Arrays.equals(bytes, d.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, state, sha256);
  }

  @Override
  public String toString() {
    return "UnsignedDocument[id="
        + id
        + ", "
        + state
        + ", bundleIdentifier="
        + bundleIdentifier
        + "]";
  }
}
