package uz.dhp.forms.signing.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uz.dhp.forms.signing.SignatureVerifier;

/**
 * Makes detached JWS document signatures with sandbox test keys, in the formats {@link
 * uz.dhp.forms.signing.SignatureVerifier} accepts. The sandbox page uses {@link #signHash}: it only
 * gets the document hash, so it signs a JAdES hash reference ({@code sigD}). {@link #signPayload}
 * signs the canonical bytes themselves (b64 true or RFC 7797 false) for signers given the bytes.
 */
public final class SandboxSigner {

  private final Clock clock;

  public SandboxSigner(Clock clock) {
    this.clock = clock;
  }

  /**
   * Signs a document hash (base64url SHA-256 of the canonical bytes) as a JAdES hash reference.
   *
   * @param documentReference what the hash is of, e.g. {@code Bundle/<id>}; goes to {@code
   *     sigD.pars}
   */
  public String signHash(
      SigningCredential credential, String hashBase64Url, String documentReference) {
    JWSHeader header =
        baseHeader(credential, true, Set.of("sigT", "sigD"))
            .customParam(
                "sigD",
                Map.of(
                    "mId",
                    SignatureVerifier.HASH_REFERENCE_MECHANISM,
                    "pars",
                    List.of(documentReference),
                    "hashM",
                    "S256",
                    "hashV",
                    List.of(hashBase64Url)))
            .build();
    return sign(credential, header, new byte[0]);
  }

  /** Signs the canonical bytes as a detached payload; {@code base64Payload=false} is RFC 7797. */
  public String signPayload(
      SigningCredential credential, byte[] canonicalBytes, boolean base64Payload) {
    Set<String> critical = new LinkedHashSet<>();
    critical.add("sigT");
    if (!base64Payload) {
      critical.add("b64");
    }
    JWSHeader header = baseHeader(credential, base64Payload, critical).build();
    return sign(credential, header, canonicalBytes);
  }

  private JWSHeader.Builder baseHeader(
      SigningCredential credential, boolean base64Payload, Set<String> critical) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return new JWSHeader.Builder(JWSAlgorithm.parse(credential.algorithm().joseName()))
        .type(JOSEObjectType.JOSE)
        .x509CertChain(x5c(credential.chain()))
        .base64URLEncodePayload(base64Payload)
        .criticalParams(critical)
        .customParam("sigT", DateTimeFormatter.ISO_INSTANT.format(now))
        .customParam(
            "srCms", List.of(Map.of("commId", Map.of("id", SignatureVerifier.AUTHOR_COMMITMENT))));
  }

  private static String sign(SigningCredential credential, JWSHeader header, byte[] payload) {
    try {
      JWSSigner signer =
          credential.privateKey() instanceof ECPrivateKey ec
              ? new ECDSASigner(ec)
              : new RSASSASigner(credential.privateKey());
      JWSObject jws = new JWSObject(header, new Payload(payload));
      jws.sign(signer);
      return jws.serialize(true);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing with a sandbox key failed", e);
    }
  }

  /** The {@code x5c} values: standard base64 DER, leaf first. */
  public static List<String> x5cStrings(List<X509Certificate> chain) {
    List<String> out = new ArrayList<>();
    for (Base64 b : x5c(chain)) {
      out.add(b.toString());
    }
    return out;
  }

  private static List<Base64> x5c(List<X509Certificate> chain) {
    List<Base64> out = new ArrayList<>();
    try {
      for (X509Certificate c : chain) {
        out.add(Base64.encode(c.getEncoded()));
      }
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a generated certificate always encodes", e);
    }
    return out;
  }
}
