package uz.dhp.forms.signing;

import java.util.List;
import java.util.Optional;

/** Signing page → host message of our default protocol, after strict validation. */
public sealed interface SigningResponse {

  /**
   * {@code status:"signed"}: a compact JWS with detached payload; {@code x5c} as sent beside it
   * (must equal the JWS header's {@code x5c} when present).
   */
  record Signed(String jws, Optional<List<String>> x5c) implements SigningResponse {
    public Signed {
      x5c = x5c.map(List::copyOf);
    }
  }

  /** {@code status:"cancelled"}: the practitioner closed or declined. Nothing is attached. */
  record Cancelled() implements SigningResponse {}

  /**
   * {@code status:"error"}: the signing service failed; {@code code} is its short error code, shown
   * only as a detail.
   */
  record SignerFailed(String code) implements SigningResponse {}

  /** A message that does not follow the protocol or comes from the wrong origin. */
  record Malformed(String reasonKey) implements SigningResponse {}
}
