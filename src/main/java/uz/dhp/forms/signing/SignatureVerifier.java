package uz.dhp.forms.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a detached compact JWS over a document's canonical bytes. Two detached forms are
 * accepted (decision note 0004):
 *
 * <ul>
 *   <li><b>payload</b>: the empty payload segment stands for the canonical bytes themselves,
 *       base64url encoded in the signing input ({@code b64} absent/true) or raw (RFC 7797 {@code
 *       b64:false});
 *   <li><b>hash reference</b>: JAdES {@code sigD} with {@code ObjectIdByURIHash}; the protected
 *       header carries the SHA-256 of the canonical bytes and the payload is empty. This is what a
 *       signing page that only receives the hash can produce.
 * </ul>
 *
 * <p>Checks, in order: compact structure; header rules ({@link JwsHeaderRules}); key type fits the
 * algorithm; the hash reference equals this document's hash; the signature with the leaf key; the
 * signing time is neither in the future nor before the ceremony began; the chain ends in a trust
 * anchor and every certificate was valid at the signing time; the signer's PINFL is the chosen
 * practitioner's. Stateless and thread-safe.
 */
public final class SignatureVerifier {

  /** JAdES {@code sigD} mechanism of a hash-reference signature (the header carries the hash). */
  public static final String HASH_REFERENCE_MECHANISM =
      "http://uri.etsi.org/19182/ObjectIdByURIHash";

  /** JAdES {@code srCms} commitment type of an author's signature (ASTM E1762 OID as URN). */
  public static final String AUTHOR_COMMITMENT = "urn:oid:" + ProvenanceFactory.AUTHOR_SIGNATURE;

  /** Far above any real compact JWS with a certificate chain; bounds hostile input. */
  static final int MAX_JWS_LENGTH = 64 * 1024;

  private static final Set<String> DEFERRED_CRITICAL = Set.of("sigT", "sigD", "srCms");

  private final Clock clock;
  private final StrictJson json = new StrictJson();
  private final JwsHeaderRules headerRules = new JwsHeaderRules();
  private final CertificateChecks certificates = new CertificateChecks();

  public SignatureVerifier(Clock clock) {
    this.clock = clock;
  }

  public SignatureOutcome verify(
      String compactJws, CanonicalDocument document, VerificationContext context) {
    if (compactJws == null || compactJws.isEmpty() || compactJws.length() > MAX_JWS_LENGTH) {
      return SignatureOutcome.Rejected.of("signing.rejected.malformed");
    }
    String[] parts = compactJws.split("\\.", -1);
    if (parts.length != 3) {
      return SignatureOutcome.Rejected.of("signing.rejected.malformed");
    }
    if (!parts[1].isEmpty()) {
      return SignatureOutcome.Rejected.of("signing.rejected.attachedPayload");
    }
    Optional<byte[]> headerBytes = Base64UrlText.decode(parts[0]);
    Optional<JsonNode> header = headerBytes.flatMap(json::parse);
    if (parts[0].isEmpty() || header.isEmpty()) {
      return SignatureOutcome.Rejected.of("signing.rejected.malformed");
    }
    // The header first: "alg":"none" (with its empty signature) is named as such.
    Check<JwsHeaderRules.HeaderFacts> checked = headerRules.check(header.get());
    if (checked instanceof Check.Fail<JwsHeaderRules.HeaderFacts> fail) {
      return fail.rejected();
    }
    if (parts[2].isEmpty() || Base64UrlText.decode(parts[2]).isEmpty()) {
      return SignatureOutcome.Rejected.of("signing.rejected.malformed");
    }
    return verify(
        compactJws, ((Check.Ok<JwsHeaderRules.HeaderFacts>) checked).value(), document, context);
  }

  private SignatureOutcome verify(
      String compactJws,
      JwsHeaderRules.HeaderFacts facts,
      CanonicalDocument document,
      VerificationContext context) {
    X509Certificate leaf = facts.chain().get(0);
    if (certificates.keyFitsAlgorithm(leaf, facts.algorithm()) instanceof Check.Fail<Void> f) {
      return f.rejected();
    }
    byte[] detachedPayload;
    if (facts.documentHash().isPresent()) {
      if (!document.hasHash(facts.documentHash().get())) {
        return SignatureOutcome.Rejected.of("signing.rejected.documentMismatch");
      }
      detachedPayload = new byte[0];
    } else {
      detachedPayload = document.bytes();
    }
    if (!signatureMatches(compactJws, detachedPayload, leaf.getPublicKey())) {
      return SignatureOutcome.Rejected.of("signing.rejected.signatureInvalid");
    }
    Instant signingTime = facts.signingTime();
    Instant now = clock.instant();
    if (signingTime.isAfter(now.plus(context.clockSkew()))) {
      return SignatureOutcome.Rejected.of("signing.rejected.signingTimeInFuture");
    }
    if (context.notSignedBefore().isPresent()
        && signingTime.isBefore(context.notSignedBefore().get().minus(context.clockSkew()))) {
      return SignatureOutcome.Rejected.of("signing.rejected.signingTimeStale");
    }
    Check<Void> chain =
        certificates.chainValidAt(facts.chain(), context.trustAnchors(), signingTime);
    if (chain instanceof Check.Fail<Void> f) {
      return f.rejected();
    }
    SignerIdentity signer = certificates.identity(leaf);
    if (signer.pinfl().isPresent()
        && context.expectedSignerPinfl().isPresent()
        && !signer.pinfl().equals(context.expectedSignerPinfl())) {
      return SignatureOutcome.Rejected.of("signing.rejected.signerMismatch", signer.displayName());
    }
    return new SignatureOutcome.Verified(
        signer,
        leaf,
        facts.chain(),
        signingTime,
        facts.algorithm(),
        compactJws,
        document.hashBase64Url());
  }

  private static boolean signatureMatches(String compactJws, byte[] payload, PublicKey key) {
    try {
      JWSObject jws = JWSObject.parse(compactJws, new Payload(payload));
      JWSVerifier verifier =
          key instanceof ECPublicKey ec
              ? new ECDSAVerifier(ec, DEFERRED_CRITICAL)
              : new RSASSAVerifier((RSAPublicKey) key, DEFERRED_CRITICAL);
      return jws.verify(verifier);
    } catch (ParseException | JOSEException | RuntimeException e) {
      // A structurally broken signature value is a failed signature, not a crash.
      return false;
    }
  }
}
