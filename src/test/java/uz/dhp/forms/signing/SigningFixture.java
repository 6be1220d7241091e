package uz.dhp.forms.signing;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import uz.dhp.forms.signing.sandbox.SandboxSigner;
import uz.dhp.forms.signing.sandbox.TestCertificateAuthority;
import uz.dhp.forms.signing.sandbox.TestPractitioner;

/**
 * Shared test material: one sandbox CA (key generation is slow), the sample document and one R5
 * context, created once per test JVM.
 */
final class SigningFixture {

  static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static SigningFixture instance;

  final TestCertificateAuthority ca =
      TestCertificateAuthority.create(CLOCK, TestCertificateAuthority.DEFAULT_PRACTITIONERS);
  final TestCertificateAuthority otherCa =
      TestCertificateAuthority.create(CLOCK, java.util.List.of());
  final FhirContext fhir = FhirContext.forR5Cached();
  final DocumentCanonicalizer canonicalizer = new DocumentCanonicalizer(fhir);
  final SignatureVerifier verifier = new SignatureVerifier(CLOCK);
  final SandboxSigner sandboxSigner = new SandboxSigner(CLOCK);

  static synchronized SigningFixture get() {
    if (instance == null) {
      instance = new SigningFixture();
    }
    return instance;
  }

  TestPractitioner practitioner(int index) {
    return ca.practitioners().get(index);
  }

  /** The sample document with the given practitioner as author and a marker in the narrative. */
  byte[] document(TestPractitioner author, String marker) {
    try (InputStream in = getClass().getResourceAsStream("sample-document.json")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace("PRACTITIONER_PINFL", author.pinfl())
          .replace("Harorat 36.60", "Harorat 36.60 " + marker)
          .getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  CanonicalDocument canonical(byte[] bundle) {
    CanonicalOutcome outcome = canonicalizer.canonicalize(bundle);
    if (outcome instanceof CanonicalOutcome.Canonicalized c) {
      return c.document();
    }
    throw new AssertionError("sample document does not canonicalize: " + outcome);
  }

  VerificationContext ceremony(TestPractitioner expected) {
    return VerificationContext.forCeremony(
        ca.trustAnchors(), expected.pinfl(), NOW.minusSeconds(120));
  }
}
