package uz.dhp.forms.bench;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import uz.dhp.forms.signing.AssemblyOutcome;
import uz.dhp.forms.signing.CanonicalDocument;
import uz.dhp.forms.signing.CanonicalOutcome;
import uz.dhp.forms.signing.DocumentCanonicalizer;
import uz.dhp.forms.signing.SignatureOutcome;
import uz.dhp.forms.signing.SignatureVerifier;
import uz.dhp.forms.signing.SignedDocumentService;
import uz.dhp.forms.signing.SignerRole;
import uz.dhp.forms.signing.StoredSignaturesOutcome;
import uz.dhp.forms.signing.VerificationContext;
import uz.dhp.forms.signing.sandbox.SandboxSigner;
import uz.dhp.forms.signing.sandbox.TestCertificateAuthority;
import uz.dhp.forms.signing.sandbox.TestPractitioner;
import uz.dhp.forms.support.IdGenerator;

/**
 * Signing costs on a real document: canonicalization, verification (ES256 / RS256 / PS256, hash and
 * payload forms), assembly and stored re-verification. Harness: warm-up, then timed iterations,
 * percentiles of single-operation wall time. Run: {@code mvn -B -q -Pbench -Dbench=SigningBench
 * test-compile exec:exec}.
 */
public final class SigningBench {

  private static final int WARMUP = 300;
  private static final int ITERATIONS = 1000;

  public static void main(String[] args) throws IOException {
    Clock clock = Clock.systemUTC();
    FhirContext fhir = FhirContext.forR5();
    byte[] bundle = document();
    DocumentCanonicalizer canonicalizer = new DocumentCanonicalizer(fhir);
    SignatureVerifier verifier = new SignatureVerifier(clock);
    TestCertificateAuthority ca =
        TestCertificateAuthority.create(clock, TestCertificateAuthority.DEFAULT_PRACTITIONERS);
    SandboxSigner signer = new SandboxSigner(clock);
    SignedDocumentService documents =
        new SignedDocumentService(fhir, canonicalizer, verifier, IdGenerator.random());
    CanonicalDocument doc =
        ((CanonicalOutcome.Canonicalized) canonicalizer.canonicalize(bundle)).document();

    System.out.printf(
        Locale.ROOT,
        "Document: %d bytes stored, %d canonical bytes%n%n",
        bundle.length,
        doc.bytes().length);
    System.out.println("| Operation | p50 ms | p90 ms | p99 ms | mean ms |");
    System.out.println("|---|---|---|---|---|");
    row("canonicalize (JCS #document)", () -> canonicalizer.canonicalize(bundle));
    for (TestPractitioner p : ca.practitioners()) {
      var credential = ca.credential(p.pinfl()).orElseThrow();
      VerificationContext context =
          VerificationContext.forCeremony(
              ca.trustAnchors(), p.pinfl(), clock.instant().minusSeconds(60));
      String hashJws = signer.signHash(credential, doc.hashBase64Url(), "Bundle/" + doc.bundleId());
      String rawJws = signer.signPayload(credential, doc.bytes(), false);
      row(
          "verify " + p.algorithm() + " hash reference",
          () -> expectVerified(verifier.verify(hashJws, doc, context)));
      row(
          "verify " + p.algorithm() + " payload b64=false",
          () -> expectVerified(verifier.verify(rawJws, doc, context)));
    }
    TestPractitioner first = ca.practitioners().get(0);
    String jws =
        signer.signHash(
            ca.credential(first.pinfl()).orElseThrow(),
            doc.hashBase64Url(),
            "Bundle/" + doc.bundleId());
    SignatureOutcome.Verified verified =
        (SignatureOutcome.Verified)
            verifier.verify(jws, doc, VerificationContext.forStored(ca.trustAnchors()));
    SignerRole role = new SignerRole("urn:uuid:00000000-0000-0000-0000-000000000001", "Bench");
    row(
        "assemble signed Bundle",
        () -> documents.assemble(bundle, verified, role, Optional.empty()));
    byte[] stored =
        ((AssemblyOutcome.Assembled) documents.assemble(bundle, verified, role, Optional.empty()))
            .document()
            .bytes();
    row(
        "verifyStored (bytes alone)",
        () -> {
          if (!(documents.verifyStored(stored, ca.trustAnchors())
              instanceof StoredSignaturesOutcome.Valid)) {
            throw new IllegalStateException("bench document does not verify");
          }
          return null;
        });
  }

  private static Object expectVerified(SignatureOutcome outcome) {
    if (!(outcome instanceof SignatureOutcome.Verified)) {
      throw new IllegalStateException("bench signature rejected: " + outcome);
    }
    return outcome;
  }

  private static byte[] document() throws IOException {
    Path example =
        Path.of(
            System.getProperty("dhp.shared.dir", "../shared"),
            "dhp-examples",
            "form-003-example.json");
    if (Files.exists(example)) {
      System.out.println("Form 003 worked example (" + example.getFileName() + ")");
      return Files.readAllBytes(example);
    }
    System.out.println("Synthetic sample document (../shared not found)");
    try (InputStream in =
        SigningBench.class.getResourceAsStream("/uz/dhp/forms/signing/sample-document.json")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .replace(
              "PRACTITIONER_PINFL", TestCertificateAuthority.DEFAULT_PRACTITIONERS.get(0).pinfl())
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static void row(String name, Supplier<?> operation) {
    Object sink = null;
    for (int i = 0; i < WARMUP; i++) {
      sink = operation.get();
    }
    long[] nanos = new long[ITERATIONS];
    for (int i = 0; i < ITERATIONS; i++) {
      long start = System.nanoTime();
      sink = operation.get();
      nanos[i] = System.nanoTime() - start;
    }
    if (sink == null && name.isEmpty()) {
      System.out.println();
    }
    Arrays.sort(nanos);
    double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "| %s | %.2f | %.2f | %.2f | %.2f |%n",
        name,
        nanos[ITERATIONS / 2] / 1e6,
        nanos[ITERATIONS * 9 / 10] / 1e6,
        nanos[ITERATIONS * 99 / 100] / 1e6,
        mean);
  }

  private SigningBench() {}
}
