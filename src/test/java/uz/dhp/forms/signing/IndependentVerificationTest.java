package uz.dhp.forms.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uz.dhp.forms.signing.sandbox.SigningCredential;
import uz.dhp.forms.signing.sandbox.TestPractitioner;
import uz.dhp.forms.support.IdGenerator;

/**
 * A document signed and stored by the app verifies with a second implementation: {@link MinimalJcs}
 * for the canonical bytes and plain {@code java.security.Signature} for the JWS (no nimbus, no
 * erdtman, no app verifier).
 */
class IndependentVerificationTest {

  private final SigningFixture f = SigningFixture.get();
  private final ObjectMapper mapper = new ObjectMapper();

  /** Canonical bytes per the R6 #document rules, computed by the test-side implementation. */
  @SuppressWarnings("unchecked")
  private byte[] independentCanonicalBytes(byte[] storedBundle) {
    Map<String, Object> bundle =
        (Map<String, Object>) MinimalJcs.parse(new String(storedBundle, StandardCharsets.UTF_8));
    String target = "Bundle/" + bundle.get("id");
    bundle.remove("id");
    bundle.remove("meta");
    List<Object> entries = (List<Object>) bundle.get("entry");
    entries.removeIf(
        e -> {
          Map<String, Object> resource =
              (Map<String, Object>) ((Map<String, Object>) e).get("resource");
          if (!"Provenance".equals(resource.get("resourceType"))) {
            return false;
          }
          for (Object t : (List<Object>) resource.getOrDefault("target", List.of())) {
            if (target.equals(((Map<String, Object>) t).get("reference"))) {
              return true;
            }
          }
          return false;
        });
    return MinimalJcs.canonicalize(bundle);
  }

  /** RFC 7515 verification with JCA only; returns whether the signature holds. */
  private boolean verifyWithJca(String jws, byte[] canonical) throws Exception {
    String[] parts = jws.split("\\.", -1);
    JsonNode header = mapper.readTree(Base64.getUrlDecoder().decode(parts[0]));
    byte[] der = Base64.getDecoder().decode(header.get("x5c").get(0).asText());
    X509Certificate cert =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    byte[] payload;
    if (header.has("sigD")) {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical);
      assertThat(header.at("/sigD/hashV/0").asText())
          .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
      payload = new byte[0];
    } else {
      payload = canonical;
    }
    boolean raw = header.has("b64") && !header.get("b64").asBoolean();
    byte[] input = JwsForge.signingInput(parts[0], payload, raw);
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    String alg = header.get("alg").asText();
    Signature verifier;
    switch (alg) {
      case "ES256" -> {
        verifier = Signature.getInstance("SHA256withECDSA");
        signature = JwsForge.joseToDer(signature);
      }
      case "ES384" -> {
        verifier = Signature.getInstance("SHA384withECDSA");
        signature = JwsForge.joseToDer(signature);
      }
      case "RS256" -> verifier = Signature.getInstance("SHA256withRSA");
      case "PS256" -> {
        verifier = Signature.getInstance("RSASSA-PSS");
        verifier.setParameter(
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
      }
      default -> throw new AssertionError(alg);
    }
    verifier.initVerify(cert.getPublicKey());
    verifier.update(input);
    return verifier.verify(signature);
  }

  private SignedDocument signAndStore(TestPractitioner signer, int mode) {
    byte[] bundle = f.document(signer, "independent " + mode);
    CanonicalDocument doc = f.canonical(bundle);
    SigningCredential credential = f.ca.credential(signer.pinfl()).orElseThrow();
    String jws =
        switch (mode) {
          case 0 ->
              f.sandboxSigner.signHash(credential, doc.hashBase64Url(), "Bundle/" + doc.bundleId());
          case 1 -> f.sandboxSigner.signPayload(credential, doc.bytes(), true);
          default -> f.sandboxSigner.signPayload(credential, doc.bytes(), false);
        };
    SignatureOutcome.Verified verified =
        (SignatureOutcome.Verified) f.verifier.verify(jws, doc, f.ceremony(signer));
    SignedDocumentService service =
        new SignedDocumentService(f.fhir, f.canonicalizer, f.verifier, IdGenerator.random());
    return ((AssemblyOutcome.Assembled)
            service.assemble(
                bundle,
                verified,
                new SignerRole("urn:uuid:8a3e1f20-1111-4c3b-9a5e-000000000004", "T"),
                Optional.empty()))
        .document();
  }

  @ParameterizedTest(name = "practitioner {0}, mode {1}")
  @CsvSource({"0,0", "0,1", "0,2", "1,0", "1,1", "1,2", "2,0", "2,1", "2,2"})
  void aStoredSignedDocumentVerifiesWithPlainJca(int practitioner, int mode) throws Exception {
    SignedDocument stored = signAndStore(f.practitioner(practitioner), mode);
    JsonNode bundle = mapper.readTree(stored.bytes());
    JsonNode provenance = bundle.get("entry").get(bundle.get("entry").size() - 1).get("resource");
    String jws =
        new String(
            Base64.getDecoder().decode(provenance.at("/signature/0/data").asText()),
            StandardCharsets.US_ASCII);
    byte[] canonical = independentCanonicalBytes(stored.bytes());
    assertThat(MessageDigest.getInstance("SHA-256").digest(canonical))
        .isEqualTo(stored.canonicalSha256());
    assertThat(verifyWithJca(jws, canonical)).isTrue();
    // And the independent check is not vacuous: one changed byte fails it.
    canonical[canonical.length / 2] ^= 1;
    if (mode != 0) {
      assertThat(verifyWithJca(jws, canonical)).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0000000000000001, 5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af6, 1e+23",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555554, 333333333.33333325",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void theTestSideNumberFormattingAlsoPassesRfc8785AppendixB(String hex, String expected) {
    assertThat(MinimalJcs.es6(Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16))))
        .isEqualTo(expected);
  }

  @Test
  void bothImplementationsAgreeOnTheForm003Example() throws Exception {
    Path example =
        Path.of(
            System.getProperty("dhp.shared.dir", "../shared"),
            "dhp-examples",
            "form-003-example.json");
    assumeTrue(
        Files.exists(example),
        "needs ../shared/dhp-examples (dhp.shared.dir) for the Form 003 example");
    byte[] bytes = Files.readAllBytes(example);
    assertThat(independentCanonicalBytes(bytes)).isEqualTo(f.canonical(bytes).bytes());
  }

  @Test
  void bothImplementationsAgreeOnAwkwardValues() {
    String json =
        "{\"resourceType\":\"Bundle\",\"id\":\"b\",\"type\":\"document\",\"entry\":[],"
            + "\"x\":[1.50,1E2,-0.0,1e-7,123456789012345678901234,\"\\u001f\\u2028é\\ud83d\\ude00\"],"
            + "\"\\u20ac\":1,\"\\ufb33\":2,\"\\ud83d\\ude00\":3}";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    assertThat(new String(independentCanonicalBytes(bytes), StandardCharsets.UTF_8))
        .isEqualTo(new String(f.canonical(bytes).bytes(), StandardCharsets.UTF_8));
    assertThat(MinimalJcs.es6(new BigDecimal("1.50").doubleValue())).isEqualTo("1.5");
  }
}
