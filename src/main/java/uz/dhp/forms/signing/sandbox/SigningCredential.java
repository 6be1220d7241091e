package uz.dhp.forms.signing.sandbox;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import uz.dhp.forms.signing.SignatureAlgorithm;

/**
 * A test private key with its certificate chain (leaf first, root not included, as in {@code x5c}).
 */
public record SigningCredential(
    PrivateKey privateKey, List<X509Certificate> chain, SignatureAlgorithm algorithm) {

  public SigningCredential {
    chain = List.copyOf(chain);
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }

  @Override
  public String toString() {
    return "SigningCredential[" + certificate().getSubjectX500Principal() + ", " + algorithm + "]";
  }
}
