package uz.dhp.forms.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a signature is checked against, besides the document.
 *
 * @param trustAnchors roots the certificate chain must end in
 * @param expectedSignerPinfl PINFL of the practitioner chosen to sign; when the certificate carries
 *     a PINFL it must be this one
 * @param notSignedBefore for a fresh signing ceremony: when it started; an older {@code sigT} means
 *     a replayed signature. Empty when re-verifying a stored document
 * @param clockSkew tolerance between the signer's clock and ours
 */
public record VerificationContext(
    TrustAnchors trustAnchors,
    Optional<String> expectedSignerPinfl,
    Optional<Instant> notSignedBefore,
    Duration clockSkew) {

  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

  /** Context for a signature just returned by the signing page. */
  public static VerificationContext forCeremony(
      TrustAnchors anchors, String expectedSignerPinfl, Instant ceremonyStarted) {
    return new VerificationContext(
        anchors,
        Optional.of(expectedSignerPinfl),
        Optional.of(ceremonyStarted),
        DEFAULT_CLOCK_SKEW);
  }

  /** Context for re-verifying a stored document later (the signing time may be long past). */
  public static VerificationContext forStored(TrustAnchors anchors) {
    return new VerificationContext(anchors, Optional.empty(), Optional.empty(), DEFAULT_CLOCK_SKEW);
  }

  public VerificationContext withExpectedSigner(Optional<String> pinfl) {
    return new VerificationContext(trustAnchors, pinfl, notSignedBefore, clockSkew);
  }
}
