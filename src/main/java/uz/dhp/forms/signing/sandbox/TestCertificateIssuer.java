package uz.dhp.forms.signing.sandbox;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import uz.dhp.forms.signing.SignatureAlgorithm;

/** Key generation and X.509 certificate building for the sandbox CA (BouncyCastle, JDK keys). */
final class TestCertificateIssuer {

  private final SecureRandom random = new SecureRandom();

  KeyPair newKeyPair(SignatureAlgorithm algorithm) {
    try {
      if ("EC".equals(algorithm.keyType())) {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        String curve = algorithm.keySize() == 384 ? "secp384r1" : "secp256r1";
        generator.initialize(new ECGenParameterSpec(curve), random);
        return generator.generateKeyPair();
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(algorithm.keySize(), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK supports EC P-256/P-384 and RSA key generation", e);
    }
  }

  /** A CA certificate (self-signed when {@code issuerKey} is the subject's own key). */
  X509Certificate caCertificate(
      X500Name subject,
      PublicKey subjectKey,
      X500Name issuer,
      PrivateKey issuerKey,
      Instant notBefore,
      Instant notAfter) {
    return build(
        subject,
        subjectKey,
        issuer,
        issuerKey,
        notBefore,
        notAfter,
        true,
        KeyUsage.keyCertSign | KeyUsage.cRLSign);
  }

  /** An end-entity signing certificate: digitalSignature + nonRepudiation, not a CA. */
  X509Certificate signerCertificate(
      X500Name subject,
      PublicKey subjectKey,
      X500Name issuer,
      PrivateKey issuerKey,
      Instant notBefore,
      Instant notAfter) {
    return build(
        subject,
        subjectKey,
        issuer,
        issuerKey,
        notBefore,
        notAfter,
        false,
        KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
  }

  private X509Certificate build(
      X500Name subject,
      PublicKey subjectKey,
      X500Name issuer,
      PrivateKey issuerKey,
      Instant notBefore,
      Instant notAfter,
      boolean ca,
      int keyUsage) {
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  issuer,
                  new BigInteger(64, random).add(BigInteger.ONE),
                  Date.from(notBefore),
                  Date.from(notAfter),
                  subject,
                  subjectKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
              .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(subjectKey));
      String signatureAlgorithm =
          "EC".equals(issuerKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(issuerKey)));
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("building a test certificate failed", e);
    }
  }
}
