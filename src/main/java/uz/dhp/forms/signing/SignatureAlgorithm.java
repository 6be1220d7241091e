package uz.dhp.forms.signing;

import java.util.Optional;

/**
 * The JWS algorithms a document signature may use. Deliberately closed: no {@code none}, no HMAC (a
 * shared secret proves nothing about a person, and HS256 "keyed" with a public key is the classic
 * algorithm-confusion forgery), no legacy RSA-SHA1.
 */
public enum SignatureAlgorithm {
  ES256("ES256", "EC", 256),
  ES384("ES384", "EC", 384),
  RS256("RS256", "RSA", 2048),
  PS256("PS256", "RSA", 2048);

  private final String joseName;
  private final String keyType;
  private final int keySize;

  SignatureAlgorithm(String joseName, String keyType, int keySize) {
    this.joseName = joseName;
    this.keyType = keyType;
    this.keySize = keySize;
  }

  /** The {@code alg} header value. */
  public String joseName() {
    return joseName;
  }

  /** The JCA key algorithm the certificate key must have ({@code EC} or {@code RSA}). */
  public String keyType() {
    return keyType;
  }

  /** Curve size for EC, minimum modulus size for RSA. */
  public int keySize() {
    return keySize;
  }

  public static Optional<SignatureAlgorithm> fromJoseName(String name) {
    for (SignatureAlgorithm a : values()) {
      if (a.joseName.equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
