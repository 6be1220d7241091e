package uz.dhp.forms.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks of a JWS protected header against our signature profile (RFC 7515, RFC 7797, JAdES
 * conventions used by FHIR R6): allowed algorithm, certificate only from {@code x5c}, correct
 * {@code b64}/{@code crit} use, a signing time, the author's commitment, and the optional JAdES
 * hash reference ({@code sigD}).
 */
final class JwsHeaderRules {

  /** JAdES {@code sigD} mechanism: the header carries the hash of the detached data. */
  static final String HASH_MECHANISM = SignatureVerifier.HASH_REFERENCE_MECHANISM;

  /** JAdES {@code srCms} commitment type for an author's signature (ASTM E1762 OID). */
  static final String AUTHOR_COMMITMENT = SignatureVerifier.AUTHOR_COMMITMENT;

  static final Set<String> UNDERSTOOD_CRITICAL = Set.of("b64", "sigT", "sigD", "srCms");

  private static final int MAX_CHAIN = 10;

  /** What the header establishes, once it passed every rule. */
  record HeaderFacts(
      SignatureAlgorithm algorithm,
      boolean base64Payload,
      Optional<byte[]> documentHash,
      Instant signingTime,
      List<X509Certificate> chain) {}

  Check<HeaderFacts> check(JsonNode header) {
    if (!header.isObject()) {
      return Check.fail("signing.rejected.malformed");
    }
    JsonNode algNode = header.get("alg");
    Optional<SignatureAlgorithm> alg =
        algNode != null && algNode.isTextual()
            ? SignatureAlgorithm.fromJoseName(algNode.asText())
            : Optional.empty();
    if (alg.isEmpty()) {
      return Check.fail("signing.rejected.algorithmNotAllowed", shortText(algNode));
    }
    for (String keySource : List.of("jku", "x5u", "jwk")) {
      if (header.has(keySource)) {
        return Check.fail("signing.rejected.keySourceNotAllowed", keySource);
      }
    }
    JsonNode typ = header.get("typ");
    if (typ != null && !(typ.isTextual() && typ.asText().equalsIgnoreCase("JOSE"))) {
      return Check.fail("signing.rejected.wrongType", shortText(typ));
    }
    Check<Boolean> b64 = checkCritAndB64(header);
    if (b64 instanceof Check.Fail<Boolean> f) {
      return new Check.Fail<>(f.rejected());
    }
    Check<Optional<byte[]>> hash = checkHashReference(header);
    if (hash instanceof Check.Fail<Optional<byte[]>> f) {
      return new Check.Fail<>(f.rejected());
    }
    Check<Instant> time = signingTime(header);
    if (time instanceof Check.Fail<Instant> f) {
      return new Check.Fail<>(f.rejected());
    }
    if (!commitmentIsAuthors(header.get("srCms"))) {
      return Check.fail("signing.rejected.commitmentMismatch");
    }
    Check<List<X509Certificate>> chain = chain(header);
    if (chain instanceof Check.Fail<List<X509Certificate>> f) {
      return new Check.Fail<>(f.rejected());
    }
    return Check.ok(
        new HeaderFacts(
            alg.get(),
            ((Check.Ok<Boolean>) b64).value(),
            ((Check.Ok<Optional<byte[]>>) hash).value(),
            ((Check.Ok<Instant>) time).value(),
            ((Check.Ok<List<X509Certificate>>) chain).value()));
  }

  /** RFC 7515 §4.1.11 and RFC 7797 §6: {@code b64} must be a boolean listed in {@code crit}. */
  private static Check<Boolean> checkCritAndB64(JsonNode header) {
    Set<String> critical = new HashSet<>();
    JsonNode crit = header.get("crit");
    if (crit != null) {
      if (!crit.isArray() || crit.isEmpty()) {
        return Check.fail("signing.rejected.criticalInvalid");
      }
      for (JsonNode name : crit) {
        if (!name.isTextual()
            || !UNDERSTOOD_CRITICAL.contains(name.asText())
            || !header.has(name.asText())
            || !critical.add(name.asText())) {
          return Check.fail("signing.rejected.criticalInvalid");
        }
      }
    }
    JsonNode b64 = header.get("b64");
    if (b64 == null) {
      return Check.ok(true);
    }
    if (!b64.isBoolean() || !critical.contains("b64")) {
      return Check.fail("signing.rejected.b64Misuse");
    }
    return Check.ok(b64.booleanValue());
  }

  /** JAdES {@code sigD} with the hash-reference mechanism, which must be critical. */
  private static Check<Optional<byte[]>> checkHashReference(JsonNode header) {
    JsonNode sigD = header.get("sigD");
    if (sigD == null) {
      return Check.ok(Optional.empty());
    }
    JsonNode crit = header.path("crit");
    boolean critical = false;
    for (JsonNode n : crit) {
      critical |= "sigD".equals(n.asText());
    }
    JsonNode hashV = sigD.path("hashV");
    JsonNode pars = sigD.path("pars");
    if (!critical
        || !HASH_MECHANISM.equals(sigD.path("mId").asText(null))
        || !"S256".equals(sigD.path("hashM").asText(null))
        || !hashV.isArray()
        || hashV.size() != 1
        || !hashV.get(0).isTextual()
        || !pars.isArray()
        || pars.size() != 1
        || !pars.get(0).isTextual()) {
      return Check.fail("signing.rejected.hashReferenceInvalid");
    }
    Optional<byte[]> hash = Base64UrlText.decode(hashV.get(0).asText());
    if (hash.isEmpty() || hash.get().length != 32) {
      return Check.fail("signing.rejected.hashReferenceInvalid");
    }
    return Check.ok(hash);
  }

  /**
   * JAdES {@code sigT} (RFC 3339) is the signing time; a numeric {@code iat} header is accepted
   * when {@code sigT} is absent, and must agree with it when both are present.
   */
  private static Check<Instant> signingTime(JsonNode header) {
    JsonNode sigT = header.get("sigT");
    JsonNode iat = header.get("iat");
    Optional<Instant> fromIat = Optional.empty();
    if (iat != null) {
      if (!iat.canConvertToLong() || !iat.isIntegralNumber()) {
        return Check.fail("signing.rejected.signingTimeInvalid");
      }
      fromIat = Optional.of(Instant.ofEpochSecond(iat.longValue()));
    }
    if (sigT == null) {
      return fromIat
          .<Check<Instant>>map(Check::ok)
          .orElseGet(() -> Check.fail("signing.rejected.signingTimeMissing"));
    }
    if (!sigT.isTextual()) {
      return Check.fail("signing.rejected.signingTimeInvalid");
    }
    Instant time;
    try {
      time = OffsetDateTime.parse(sigT.asText()).toInstant();
    } catch (DateTimeParseException e) {
      return Check.fail("signing.rejected.signingTimeInvalid");
    }
    if (fromIat.isPresent()
        && Math.abs(fromIat.get().getEpochSecond() - time.getEpochSecond()) > 1) {
      return Check.fail("signing.rejected.signingTimeMismatch");
    }
    return Check.ok(time);
  }

  /** Absent is fine; present, every commitment must be "author's signature". */
  private static boolean commitmentIsAuthors(JsonNode srCms) {
    if (srCms == null) {
      return true;
    }
    if (!srCms.isArray() || srCms.isEmpty()) {
      return false;
    }
    for (JsonNode commitment : srCms) {
      JsonNode commId = commitment.path("commId");
      String id = commId.isTextual() ? commId.asText() : commId.path("id").asText(null);
      if (!AUTHOR_COMMITMENT.equals(id)) {
        return false;
      }
    }
    return true;
  }

  private static Check<List<X509Certificate>> chain(JsonNode header) {
    JsonNode x5c = header.get("x5c");
    if (x5c == null) {
      return Check.fail("signing.rejected.certificateMissing");
    }
    if (!x5c.isArray() || x5c.isEmpty() || x5c.size() > MAX_CHAIN) {
      return Check.fail("signing.rejected.certificateInvalid");
    }
    List<X509Certificate> chain = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (JsonNode entry : x5c) {
        if (!entry.isTextual()) {
          return Check.fail("signing.rejected.certificateInvalid");
        }
        byte[] der = Base64.getDecoder().decode(entry.asText());
        chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      }
    } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
      return Check.fail("signing.rejected.certificateInvalid");
    }
    JsonNode thumbprint = header.get("x5t#S256");
    if (thumbprint != null) {
      Optional<byte[]> expected =
          thumbprint.isTextual() ? Base64UrlText.decode(thumbprint.asText()) : Optional.empty();
      byte[] actual;
      try {
        actual = CanonicalDocument.sha256Of(chain.get(0).getEncoded());
      } catch (java.security.cert.CertificateEncodingException e) {
        return Check.fail("signing.rejected.certificateInvalid");
      }
      if (expected.isEmpty() || !MessageDigest.isEqual(expected.get(), actual)) {
        return Check.fail("signing.rejected.certificateMismatch");
      }
    }
    return Check.ok(chain);
  }

  /** A header value shown to the user, bounded so a hostile header cannot flood the dialog. */
  private static String shortText(JsonNode node) {
    String text = node == null ? "" : node.isTextual() ? node.asText() : node.toString();
    return text.length() > 20 ? text.substring(0, 20) + "…" : text;
  }
}
