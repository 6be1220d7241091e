package uz.dhp.forms.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uz.dhp.forms.signing.sandbox.SigningCredential;
import uz.dhp.forms.signing.sandbox.TestPractitioner;
import uz.dhp.forms.support.IdGenerator;

/**
 * Seeded random mutations of valid signatures, messages and stored Bundles: the code never throws,
 * and never accepts a changed signature. (A regression-sized fuzz run; longer runs belong in a
 * nightly job.)
 */
class SignatureFuzzTest {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\"";

  private final SigningFixture f = SigningFixture.get();
  private final TestPractitioner signer = f.practitioner(0);

  private String mutate(String text, Random random) {
    StringBuilder s = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && s.length() > 0; i++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(3)) {
        case 0 -> s.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 1 -> s.deleteCharAt(at);
        default -> s.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
    }
    return s.toString();
  }

  @Test
  void mutatedSignaturesAreRejectedWithoutExceptions() {
    CanonicalDocument doc = f.canonical(f.document(signer, "fuzz"));
    SigningCredential credential = f.ca.credential(signer.pinfl()).orElseThrow();
    String[] valid = {
      f.sandboxSigner.signHash(credential, doc.hashBase64Url(), "Bundle/" + doc.bundleId()),
      f.sandboxSigner.signPayload(credential, doc.bytes(), true),
      f.sandboxSigner.signPayload(credential, doc.bytes(), false)
    };
    Random random = new Random(20261126L);
    int rejected = 0;
    for (int i = 0; i < 1500; i++) {
      String original = valid[i % valid.length];
      String mutated = mutate(original, random);
      SignatureOutcome outcome = f.verifier.verify(mutated, doc, f.ceremony(signer));
      if (outcome instanceof SignatureOutcome.Verified) {
        // Only a mutation that decodes to the very same JWS may pass (e.g. none happened).
        assertThat(mutated).isEqualTo(original);
      } else {
        rejected++;
      }
    }
    assertThat(rejected).isGreaterThan(1400);
  }

  @Test
  void mutatedMessagesNeverThrow() {
    SigningMessageParser parser = new SigningMessageParser();
    SigningRequest request = new SigningRequest("doc-1", "h".repeat(43), "S256", "1", "uz");
    String message =
        "{\"status\":\"signed\",\"documentId\":\"doc-1\",\"jws\":\"a..b\",\"x5c\":[\"MIIB\"]}";
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      String mutated = mutate(message, random);
      assertThatCode(() -> parser.parse(mutated, request)).doesNotThrowAnyException();
    }
  }

  @Test
  void mutatedStoredBundlesNeverThrowAndOnlyUnsignedPartsMayChange() {
    byte[] bundle = f.document(signer, "stored fuzz");
    CanonicalDocument doc = f.canonical(bundle);
    SignatureOutcome.Verified verified =
        (SignatureOutcome.Verified)
            f.verifier.verify(
                f.sandboxSigner.signHash(
                    f.ca.credential(signer.pinfl()).orElseThrow(),
                    doc.hashBase64Url(),
                    "Bundle/" + doc.bundleId()),
                doc,
                f.ceremony(signer));
    SignedDocumentService service =
        new SignedDocumentService(
            f.fhir, f.canonicalizer, f.verifier, IdGenerator.sequential("fuzz"));
    String stored =
        new String(
            ((AssemblyOutcome.Assembled)
                    service.assemble(
                        bundle,
                        verified,
                        new SignerRole("urn:uuid:8a3e1f20-1111-4c3b-9a5e-000000000004", "T"),
                        Optional.empty()))
                .document()
                .bytes(),
            StandardCharsets.UTF_8);
    Random random = new Random(11);
    for (int i = 0; i < 300; i++) {
      byte[] mutated = mutate(stored, random).getBytes(StandardCharsets.UTF_8);
      StoredSignaturesOutcome outcome = service.verifyStored(mutated, f.ca.trustAnchors());
      if (outcome instanceof StoredSignaturesOutcome.Valid) {
        CanonicalOutcome canonical = f.canonicalizer.canonicalize(mutated);
        assertThat(((CanonicalOutcome.Canonicalized) canonical).document().sha256())
            .isEqualTo(doc.sha256());
      }
    }
  }
}
