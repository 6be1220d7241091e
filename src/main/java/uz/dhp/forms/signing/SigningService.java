package uz.dhp.forms.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uz.dhp.forms.i18n.UiLanguage;

/**
 * The signing flow for one document: canonical bytes → signing page (through the {@link
 * SigningAdapter}) → verification → Provenance entry. Verification happens before anything is kept;
 * any failure leaves the document as it was.
 *
 * <p>Thread use: {@link #begin} canonicalizes and {@link #complete} verifies (tens of
 * milliseconds): call both off the FX thread.
 */
public final class SigningService {

  private final DocumentCanonicalizer canonicalizer;
  private final SignatureVerifier verifier;
  private final SignedDocumentService documents;
  private final SigningAdapter adapter;
  private final TrustAnchors trustAnchors;
  private final Optional<String> nationalSignatureType;
  private final StrictJson json = new StrictJson();

  /**
   * @param nationalSignatureType UZ Core {@code signature-type-cs} code to record ({@code
   *     biometricAuth} / {@code soliqAuth}) when the deployment knows it; empty otherwise
   */
  public SigningService(
      DocumentCanonicalizer canonicalizer,
      SignatureVerifier verifier,
      SignedDocumentService documents,
      SigningAdapter adapter,
      TrustAnchors trustAnchors,
      Optional<String> nationalSignatureType) {
    this.canonicalizer = canonicalizer;
    this.verifier = verifier;
    this.documents = documents;
    this.adapter = adapter;
    this.trustAnchors = trustAnchors;
    this.nationalSignatureType = nationalSignatureType;
  }

  /**
   * Starts signing the finalized document {@code bundleBytes} by the practitioner whose role is
   * {@code signer} and whose PINFL is {@code signerPinfl}.
   */
  public CeremonyStart begin(
      byte[] bundleBytes, SignerRole signer, String signerPinfl, UiLanguage language) {
    CanonicalOutcome canonical = canonicalizer.canonicalize(bundleBytes);
    if (canonical instanceof CanonicalOutcome.Failed failed) {
      return new CeremonyStart.Failed(failed.reasonKey(), failed.args());
    }
    CanonicalDocument document = ((CanonicalOutcome.Canonicalized) canonical).document();
    SigningSession session =
        adapter.start(SigningRequest.of(document, signerPinfl, language.tag()));
    return new CeremonyStart.Started(
        new SigningCeremony(session, bundleBytes, document, signer, signerPinfl));
  }

  /**
   * Handles the message the dialog relayed from the page ({@code origin} = {@code event.origin},
   * {@code data} = the message text) and ends the ceremony.
   */
  public CeremonyOutcome complete(SigningCeremony ceremony, String origin, String data) {
    try {
      return handle(ceremony, adapter.receive(ceremony.session(), origin, data));
    } finally {
      adapter.finish(ceremony.session());
    }
  }

  /** Ends a ceremony without an answer (dialog closed). */
  public void cancel(SigningCeremony ceremony) {
    adapter.finish(ceremony.session());
  }

  private CeremonyOutcome handle(SigningCeremony ceremony, SigningResponse response) {
    // Java 17: no pattern switch; the sealed hierarchy keeps this list complete.
    if (response instanceof SigningResponse.Signed signed) {
      return verifyAndAttach(ceremony, signed);
    }
    if (response instanceof SigningResponse.Cancelled) {
      return new CeremonyOutcome.Cancelled();
    }
    if (response instanceof SigningResponse.SignerFailed failed) {
      return new CeremonyOutcome.Rejected("signing.rejected.signerFailed", List.of(failed.code()));
    }
    return new CeremonyOutcome.Rejected(
        ((SigningResponse.Malformed) response).reasonKey(), List.of());
  }

  private CeremonyOutcome verifyAndAttach(SigningCeremony ceremony, SigningResponse.Signed signed) {
    if (signed.x5c().isPresent() && !signed.x5c().equals(headerX5c(signed.jws()))) {
      return new CeremonyOutcome.Rejected("signing.rejected.certificateMismatch", List.of());
    }
    VerificationContext context =
        VerificationContext.forCeremony(
            trustAnchors, ceremony.signerPinfl(), ceremony.session().started());
    SignatureOutcome outcome = verifier.verify(signed.jws(), ceremony.document(), context);
    if (outcome instanceof SignatureOutcome.Rejected rejected) {
      return new CeremonyOutcome.Rejected(rejected.reasonKey(), rejected.args());
    }
    SignatureOutcome.Verified verified = (SignatureOutcome.Verified) outcome;
    AssemblyOutcome assembled =
        documents.assemble(
            ceremony.bundleBytes(), verified, ceremony.signer(), nationalSignatureType);
    if (assembled instanceof AssemblyOutcome.Assembled a) {
      return new CeremonyOutcome.Signed(a.document(), verified);
    }
    AssemblyOutcome.Failed failed = (AssemblyOutcome.Failed) assembled;
    return new CeremonyOutcome.Rejected(failed.reasonKey(), failed.args());
  }

  /** The x5c of the JWS protected header, if readable (the verifier judges the rest). */
  private Optional<List<String>> headerX5c(String jws) {
    int dot = jws.indexOf('.');
    Optional<JsonNode> header =
        dot < 0
            ? Optional.empty()
            : Base64UrlText.decode(jws.substring(0, dot)).flatMap(json::parse);
    JsonNode x5c = header.map(h -> h.get("x5c")).orElse(null);
    if (x5c == null || !x5c.isArray()) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    x5c.forEach(v -> values.add(v.asText()));
    return Optional.of(values);
  }
}
