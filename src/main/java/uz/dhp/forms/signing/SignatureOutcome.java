package uz.dhp.forms.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** Result of verifying one signature against one document. */
public sealed interface SignatureOutcome {

  /**
   * Every check passed.
   *
   * @param signer who signed, as the certificate says
   * @param certificate the signing (leaf) certificate
   * @param chain the certificate chain as sent ({@code x5c}, leaf first)
   * @param signingTime the signing time claimed in the protected header ({@code sigT})
   * @param algorithm the JWS algorithm used
   * @param compactJws the verified compact JWS (detached payload), to be stored in the Provenance
   * @param documentHash base64url SHA-256 of the canonical bytes this signature was verified
   *     against
   */
  record Verified(
      SignerIdentity signer,
      X509Certificate certificate,
      List<X509Certificate> chain,
      Instant signingTime,
      SignatureAlgorithm algorithm,
      String compactJws,
      String documentHash)
      implements SignatureOutcome {
    public Verified {
      chain = List.copyOf(chain);
    }

    @Override
    public String toString() {
      return "Verified[signer="
          + signer
          + ", signingTime="
          + signingTime
          + ", alg="
          + algorithm
          + "]";
    }
  }

  /**
   * The signature must not be trusted. {@code reasonKey} is a {@code signing.rejected.*} message
   * key; {@code args} fill its placeholders.
   */
  record Rejected(String reasonKey, List<String> args) implements SignatureOutcome {
    public Rejected {
      args = List.copyOf(args);
    }

    public static Rejected of(String reasonKey, String... args) {
      return new Rejected(reasonKey, List.of(args));
    }
  }
}
