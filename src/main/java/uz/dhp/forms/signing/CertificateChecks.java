package uz.dhp.forms.signing;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Certificate rules: key fits the algorithm, chain to the trust anchors at the signing time. */
final class CertificateChecks {

  private static final Logger LOG = LoggerFactory.getLogger(CertificateChecks.class);

  /** Plain 14-digit PINFL or the ETSI EN 319 412-1 natural-person form {@code PNOUZ-…}. */
  private static final Pattern PINFL = Pattern.compile("(?:PNOUZ-)?(\\d{14})");

  Check<Void> keyFitsAlgorithm(X509Certificate leaf, SignatureAlgorithm alg) {
    PublicKey key = leaf.getPublicKey();
    if (!alg.keyType().equals(key.getAlgorithm())) {
      return Check.fail("signing.rejected.keyAlgorithmMismatch", alg.joseName());
    }
    if (key instanceof ECPublicKey ec) {
      if (ec.getParams().getCurve().getField().getFieldSize() != alg.keySize()) {
        return Check.fail("signing.rejected.keyAlgorithmMismatch", alg.joseName());
      }
    } else if (key instanceof RSAPublicKey rsa) {
      if (rsa.getModulus().bitLength() < alg.keySize()) {
        return Check.fail("signing.rejected.keyTooWeak");
      }
    } else {
      return Check.fail("signing.rejected.keyAlgorithmMismatch", alg.joseName());
    }
    return Check.ok(null);
  }

  /**
   * RFC 5280 path validation to the configured anchors, evaluated at the signing time (ZRU-793: a
   * certificate valid when signed, with evidence of the signing moment). No revocation check: the
   * app works offline and DHP publishes no CRL/OCSP endpoints yet (see decision note 0004).
   */
  Check<Void> chainValidAt(List<X509Certificate> chain, TrustAnchors anchors, Instant when) {
    X509Certificate leaf = chain.get(0);
    try {
      leaf.checkValidity(Date.from(when));
    } catch (CertificateExpiredException e) {
      return Check.fail("signing.rejected.certificateExpired");
    } catch (CertificateNotYetValidException e) {
      return Check.fail("signing.rejected.certificateNotYetValid");
    }
    boolean[] usage = leaf.getKeyUsage();
    if (leaf.getBasicConstraints() >= 0 || (usage != null && !usage[0] && !usage[1])) {
      return Check.fail("signing.rejected.certificateNotForSigning");
    }
    List<X509Certificate> path = new ArrayList<>(chain);
    // The anchor itself is not part of a PKIX path.
    while (path.size() > 1 && anchors.contains(path.get(path.size() - 1))) {
      path.remove(path.size() - 1);
    }
    if (anchors.contains(leaf)) {
      return Check.fail("signing.rejected.untrustedCertificate");
    }
    try {
      PKIXParameters params = new PKIXParameters(anchors.asPkix());
      params.setRevocationEnabled(false);
      params.setDate(Date.from(when));
      CertPathValidator.getInstance("PKIX")
          .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
      return Check.ok(null);
    } catch (CertPathValidatorException e) {
      LOG.debug("certificate path rejected: {}", e.getReason());
      if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
        return Check.fail("signing.rejected.certificateExpired");
      }
      if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
        return Check.fail("signing.rejected.certificateNotYetValid");
      }
      return Check.fail("signing.rejected.untrustedCertificate");
    } catch (GeneralSecurityException e) {
      LOG.debug("certificate path could not be built", e);
      return Check.fail("signing.rejected.untrustedCertificate");
    }
  }

  SignerIdentity identity(X509Certificate leaf) {
    X500Name subject = X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded());
    String commonName = first(subject, BCStyle.CN).orElse(subject.toString());
    Optional<String> pinfl =
        first(subject, BCStyle.SERIALNUMBER)
            .map(PINFL::matcher)
            .filter(Matcher::matches)
            .map(m -> m.group(1));
    return new SignerIdentity(commonName, pinfl);
  }

  private static Optional<String> first(X500Name name, ASN1ObjectIdentifier oid) {
    for (RDN rdn : name.getRDNs(oid)) {
      ASN1Encodable value = rdn.getFirst().getValue();
      return Optional.of(
          value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value));
    }
    return Optional.empty();
  }
}
