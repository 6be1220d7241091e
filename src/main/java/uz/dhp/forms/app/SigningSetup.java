package uz.dhp.forms.app;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.master.ClinicPractitioner;
import uz.dhp.forms.signing.DocumentCanonicalizer;
import uz.dhp.forms.signing.IframeSigningAdapter;
import uz.dhp.forms.signing.LoopbackServer;
import uz.dhp.forms.signing.SignatureVerifier;
import uz.dhp.forms.signing.SignedDocumentService;
import uz.dhp.forms.signing.SigningService;
import uz.dhp.forms.signing.TrustAnchors;
import uz.dhp.forms.signing.sandbox.SandboxSignerServer;
import uz.dhp.forms.signing.sandbox.TestCertificateAuthority;
import uz.dhp.forms.support.IdGenerator;

/**
 * The signing side of the app: the loopback host page, the adapter to the signing page and the
 * trust anchors. With no DHP signing URL configured it runs the sandbox signer on 127.0.0.1 with a
 * test certificate authority kept in the data directory (clearly not legally binding), so the whole
 * flow works without DHP; the clinic's practitioners are enrolled there before signing.
 */
final class SigningSetup implements AutoCloseable {

  private final SigningService service;
  private final SignedDocumentService documents;
  private final LoopbackServer host;
  private final Optional<SandboxSignerServer> sandbox;
  private final Optional<TestCertificateAuthority> ca;

  private SigningSetup(
      SigningService service,
      SignedDocumentService documents,
      LoopbackServer host,
      Optional<SandboxSignerServer> sandbox,
      Optional<TestCertificateAuthority> ca) {
    this.service = service;
    this.documents = documents;
    this.host = host;
    this.sandbox = sandbox;
    this.ca = ca;
  }

  /**
   * Signing through {@code signingUrl} (a DHP signing page, {@code {lang}} filled in) with the
   * certificates in {@code trustDir} as anchors; or, when {@code signingUrl} is blank, the sandbox.
   */
  static SigningSetup start(
      FhirContext fhir, Path dataDir, String signingUrl, Path trustDir, Clock clock)
      throws IOException {
    DocumentCanonicalizer canonicalizer = new DocumentCanonicalizer(fhir);
    SignatureVerifier verifier = new SignatureVerifier(clock);
    SignedDocumentService documents =
        new SignedDocumentService(fhir, canonicalizer, verifier, IdGenerator.random());
    LoopbackServer host = LoopbackServer.start("signing-host");
    try {
      if (signingUrl == null || signingUrl.isBlank()) {
        Path caDir = Files.createDirectories(dataDir.resolve("sandbox-signer"));
        TestCertificateAuthority ca = TestCertificateAuthority.loadOrCreate(caDir, clock);
        SandboxSignerServer sandbox = SandboxSignerServer.start(ca, clock, host.origin());
        SigningService service =
            new SigningService(
                canonicalizer,
                verifier,
                documents,
                new IframeSigningAdapter(
                    host, sandbox.signingUrlTemplate(), clock, IdGenerator.random()),
                ca.trustAnchors(),
                Optional.empty());
        return new SigningSetup(service, documents, host, Optional.of(sandbox), Optional.of(ca));
      }
      TrustAnchors anchors = TrustAnchors.fromDirectory(trustDir);
      SigningService service =
          new SigningService(
              canonicalizer,
              verifier,
              documents,
              new IframeSigningAdapter(host, signingUrl, clock, IdGenerator.random()),
              anchors,
              Optional.empty());
      return new SigningSetup(service, documents, host, Optional.empty(), Optional.empty());
    } catch (IOException | RuntimeException e) {
      host.close();
      throw e;
    }
  }

  SigningService service() {
    return service;
  }

  SignedDocumentService documents() {
    return documents;
  }

  /** Sandbox only: gives the clinic's practitioners test certificates with their PINFLs. */
  void enrol(ClinicMasterData master) {
    ca.ifPresent(
        authority -> {
          for (ClinicPractitioner p : master.practitioners()) {
            if (p.pinfl().matches("\\d{14}")) {
              authority.enrol(p.pinfl(), p.fullName());
            }
          }
        });
  }

  @Override
  public void close() {
    sandbox.ifPresent(SandboxSignerServer::close);
    host.close();
  }
}
