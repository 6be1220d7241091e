package uz.dhp.forms.signing;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r5.model.Provenance;
import uz.dhp.forms.support.IdGenerator;

/**
 * Attaches a verified signature to a document as a Provenance entry and re-verifies stored signed
 * documents from their bytes alone.
 *
 * <p>The signed Bundle is written from the parsed JSON tree of the unsigned bytes (values kept
 * exactly, decimals included) with one entry appended, never through a FHIR model round trip, so
 * the canonical bytes cannot drift; {@link #assemble} checks that they did not.
 */
public final class SignedDocumentService {

  private final FhirContext fhirContext;
  private final DocumentCanonicalizer canonicalizer;
  private final SignatureVerifier verifier;
  private final ProvenanceFactory provenances = new ProvenanceFactory();
  private final IdGenerator ids;
  private final StrictJson json = new StrictJson();

  public SignedDocumentService(
      FhirContext fhirContext,
      DocumentCanonicalizer canonicalizer,
      SignatureVerifier verifier,
      IdGenerator ids) {
    this.fhirContext = fhirContext;
    this.canonicalizer = canonicalizer;
    this.verifier = verifier;
    this.ids = ids;
  }

  /**
   * Appends the signing Provenance for {@code signature} to {@code bundleBytes} (unsigned, or
   * already carrying other signers' Provenances). The signature must have been verified against
   * this document's canonical bytes.
   */
  public AssemblyOutcome assemble(
      byte[] bundleBytes,
      SignatureOutcome.Verified signature,
      SignerRole signer,
      Optional<String> nationalSignatureType) {
    Optional<JsonNode> parsed = json.parse(bundleBytes);
    if (parsed.isEmpty() || !parsed.get().isObject()) {
      return new AssemblyOutcome.Failed("signing.canonical.notJson", List.of());
    }
    ObjectNode bundle = (ObjectNode) parsed.get();
    CanonicalOutcome before = canonicalizer.canonicalize(bundle);
    if (before instanceof CanonicalOutcome.Failed failed) {
      return new AssemblyOutcome.Failed(failed.reasonKey(), failed.args());
    }
    CanonicalDocument document = ((CanonicalOutcome.Canonicalized) before).document();
    if (!document.hashBase64Url().equals(signature.documentHash())) {
      return new AssemblyOutcome.Failed("signing.assembly.otherDocument", List.of());
    }
    Provenance provenance =
        provenances.build(document.bundleId(), signature, signer, nationalSignatureType);
    String fullUrl = "urn:uuid:" + ids.newId();
    ObjectNode entry = bundle.objectNode();
    entry.put("fullUrl", fullUrl);
    entry.set(
        "resource",
        json.parse(fhirContext.newJsonParser().encodeResourceToString(provenance)).orElseThrow());
    JsonNode entries = bundle.get("entry");
    if (entries instanceof ArrayNode array) {
      array.add(entry);
    } else {
      bundle.putArray("entry").add(entry);
    }
    byte[] signed = json.writeBytes(bundle);
    CanonicalOutcome after = canonicalizer.canonicalize(signed);
    if (!(after instanceof CanonicalOutcome.Canonicalized c) || !c.document().equals(document)) {
      // Would mean the appended entry is not recognised as a signing Provenance: a bug.
      throw new IllegalStateException("signing changed the document's canonical bytes");
    }
    return new AssemblyOutcome.Assembled(
        new SignedDocument(document.bundleId(), signed, fullUrl, document.sha256()));
  }

  /**
   * Re-verifies every signing Provenance of a stored Bundle against the Bundle's own canonical
   * bytes: JWS and certificate chain at the signing time ({@link SignatureVerifier}), the signer's
   * PINFL against the Practitioner behind {@code agent.who} when the Bundle names one, and the
   * Provenance fields that must agree with the JWS ({@code recorded}, {@code signature.when},
   * {@code signature.who}, {@code signature.type}, {@code targetFormat}).
   */
  public StoredSignaturesOutcome verifyStored(byte[] bundleBytes, TrustAnchors trustAnchors) {
    Optional<JsonNode> parsed = json.parse(bundleBytes);
    if (parsed.isEmpty() || !parsed.get().isObject()) {
      return StoredSignaturesOutcome.Invalid.of("signing.canonical.notJson");
    }
    ObjectNode bundle = (ObjectNode) parsed.get();
    CanonicalOutcome canonical = canonicalizer.canonicalize(bundle);
    if (canonical instanceof CanonicalOutcome.Failed failed) {
      return new StoredSignaturesOutcome.Invalid(failed.reasonKey(), failed.args());
    }
    CanonicalDocument document = ((CanonicalOutcome.Canonicalized) canonical).document();
    List<SignatureOutcome.Verified> verified = new ArrayList<>();
    for (JsonNode entry : bundle.path("entry")) {
      JsonNode provenance = entry.path("resource");
      if (!BundleJson.isProvenance(entry) || !BundleJson.hasJoseSignature(provenance)) {
        continue;
      }
      if (!BundleJson.targetsBundle(provenance, document.bundleId())) {
        return StoredSignaturesOutcome.Invalid.of("signing.rejected.provenanceTarget");
      }
      SignatureOutcome outcome = verifyProvenance(bundle, provenance, document, trustAnchors);
      if (outcome instanceof SignatureOutcome.Rejected rejected) {
        return new StoredSignaturesOutcome.Invalid(rejected.reasonKey(), rejected.args());
      }
      verified.add((SignatureOutcome.Verified) outcome);
    }
    return verified.isEmpty()
        ? StoredSignaturesOutcome.Invalid.of("signing.rejected.unsigned")
        : new StoredSignaturesOutcome.Valid(verified);
  }

  private SignatureOutcome verifyProvenance(
      JsonNode bundle, JsonNode provenance, CanonicalDocument document, TrustAnchors anchors) {
    String agentWho = provenance.path("agent").path(0).path("who").path("reference").asText("");
    VerificationContext context =
        VerificationContext.forStored(anchors)
            .withExpectedSigner(BundleJson.practitionerPinfl(bundle, agentWho));
    SignatureOutcome.Verified last = null;
    for (JsonNode signature : provenance.path("signature")) {
      if (!ProvenanceFactory.JOSE.equals(signature.path("sigFormat").asText(null))) {
        continue;
      }
      if (!DocumentCanonicalizer.TARGET_FORMAT.equals(
          signature.path("targetFormat").asText(null))) {
        return SignatureOutcome.Rejected.of("signing.rejected.targetFormatUnsupported");
      }
      Optional<String> jws = decodeData(signature.path("data"));
      if (jws.isEmpty()) {
        return SignatureOutcome.Rejected.of("signing.rejected.malformed");
      }
      SignatureOutcome outcome = verifier.verify(jws.get(), document, context);
      if (outcome instanceof SignatureOutcome.Rejected) {
        return outcome;
      }
      SignatureOutcome.Verified v = (SignatureOutcome.Verified) outcome;
      Optional<String> mismatch = recordMismatch(provenance, signature, agentWho, v);
      if (mismatch.isPresent()) {
        return SignatureOutcome.Rejected.of(mismatch.get());
      }
      last = v;
    }
    return last != null ? last : SignatureOutcome.Rejected.of("signing.rejected.malformed");
  }

  /**
   * R6: Signature.when/who/type duplicate Provenance fields and the JWS header; they must agree.
   */
  private static Optional<String> recordMismatch(
      JsonNode provenance, JsonNode signature, String agentWho, SignatureOutcome.Verified v) {
    Optional<Instant> recorded = instant(provenance.path("recorded"));
    Optional<Instant> when = instant(signature.path("when"));
    if (recorded.isEmpty() || !recorded.get().equals(v.signingTime())) {
      return Optional.of("signing.rejected.signingTimeMismatch");
    }
    if (signature.has("when") && !when.equals(recorded)) {
      return Optional.of("signing.rejected.signingTimeMismatch");
    }
    String who = signature.path("who").path("reference").asText(agentWho);
    if (agentWho.isEmpty() || !who.equals(agentWho)) {
      return Optional.of("signing.rejected.signerRecordMismatch");
    }
    boolean authorType = false;
    for (JsonNode type : signature.path("type")) {
      authorType |=
          ProvenanceFactory.ASTM_SYSTEM.equals(type.path("system").asText(null))
              && ProvenanceFactory.AUTHOR_SIGNATURE.equals(type.path("code").asText(null));
    }
    return authorType ? Optional.empty() : Optional.of("signing.rejected.commitmentMismatch");
  }

  private static Optional<Instant> instant(JsonNode node) {
    if (!node.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(node.asText()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> decodeData(JsonNode data) {
    if (!data.isTextual()) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(data.asText());
      if (bytes.length > SignatureVerifier.MAX_JWS_LENGTH) {
        return Optional.empty();
      }
      return Optional.of(new String(bytes, StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
