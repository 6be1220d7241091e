package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.master.ClinicPractitioner;
import uz.dhp.forms.signing.AssemblyOutcome;
import uz.dhp.forms.signing.CanonicalDocument;
import uz.dhp.forms.signing.CanonicalOutcome;
import uz.dhp.forms.signing.DocumentCanonicalizer;
import uz.dhp.forms.signing.SignatureOutcome;
import uz.dhp.forms.signing.SignatureVerifier;
import uz.dhp.forms.signing.SignedDocument;
import uz.dhp.forms.signing.SignedDocumentService;
import uz.dhp.forms.signing.SignerRole;
import uz.dhp.forms.signing.StoredSignaturesOutcome;
import uz.dhp.forms.signing.VerificationContext;
import uz.dhp.forms.signing.sandbox.SandboxSigner;
import uz.dhp.forms.signing.sandbox.TestCertificateAuthority;
import uz.dhp.forms.support.IdGenerator;

/**
 * Signs documents in tests as the signing screen does, without the web page: the sandbox signer's
 * JWS over the canonical hash, verified for the expected practitioner, then the Provenance
 * attached. An in-memory test CA with the clinic's practitioners enrolled (real keys, real
 * certificates).
 */
final class SandboxSignature {

  private final Clock clock;
  private final TestCertificateAuthority ca;
  private final DocumentCanonicalizer canonicalizer;
  private final SignatureVerifier verifier;
  private final SignedDocumentService documents;

  SandboxSignature(FhirContext fhir, Clock clock, ClinicMasterData clinic) {
    this.clock = clock;
    this.ca = TestCertificateAuthority.create(clock, List.of());
    for (ClinicPractitioner p : clinic.practitioners()) {
      ca.enrol(p.pinfl(), p.fullName());
    }
    this.canonicalizer = new DocumentCanonicalizer(fhir);
    this.verifier = new SignatureVerifier(clock);
    this.documents = new SignedDocumentService(fhir, canonicalizer, verifier, IdGenerator.random());
  }

  /**
   * The document {@code bundle} signed by the practitioner with {@code pinfl} in role {@code role}.
   */
  SignedDocument sign(byte[] bundle, SignerRole role, String pinfl) {
    CanonicalDocument canonical =
        ((CanonicalOutcome.Canonicalized) canonicalizer.canonicalize(bundle)).document();
    String jws =
        new SandboxSigner(clock)
            .signHash(
                ca.credential(pinfl).orElseThrow(),
                canonical.hashBase64Url(),
                "Bundle/" + canonical.bundleId());
    SignatureOutcome outcome =
        verifier.verify(
            jws,
            canonical,
            VerificationContext.forCeremony(
                ca.trustAnchors(), pinfl, clock.instant().minusSeconds(120)));
    assertThat(outcome).isInstanceOf(SignatureOutcome.Verified.class);
    AssemblyOutcome assembled =
        documents.assemble(
            bundle, (SignatureOutcome.Verified) outcome, role, Optional.of("biometricAuth"));
    assertThat(assembled).isInstanceOf(AssemblyOutcome.Assembled.class);
    return ((AssemblyOutcome.Assembled) assembled).document();
  }

  /** Every signature of stored signed bytes, re-verified against this CA. */
  StoredSignaturesOutcome verifyStored(byte[] signed) {
    return documents.verifyStored(signed, ca.trustAnchors());
  }
}
