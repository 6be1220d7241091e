package uz.dhp.forms.signing;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hl7.fhir.r5.model.Bundle;

/**
 * Computes the bytes a document signature covers, following the FHIR R6 "Signing Bundles" rules
 * that DHP pre-adopts (dhp-spec §9.2): the document Bundle without its signing Provenance entries
 * (those whose {@code target} is {@code Bundle/<Bundle.id>}), with the root {@code Bundle.id} and
 * {@code Bundle.meta} removed ({@code #document} variant, so a server rewriting them does not break
 * the signature), canonicalized with RFC 8785. Narrative stays in: it is what the signer attests.
 *
 * <p>Pure and thread-safe; CPU-bound, so call it off the FX thread.
 */
public final class DocumentCanonicalizer {

  /** The canonicalization named in {@code Signature.targetFormat}. */
  public static final String CANONICALIZATION =
      "http://hl7.org/fhir/canonicalization/json#document";

  /** {@code Provenance.signature.targetFormat} of every signature this app makes or accepts. */
  public static final String TARGET_FORMAT =
      "application/fhir+json;canonicalization=" + CANONICALIZATION;

  private final FhirContext fhirContext;
  private final StrictJson json = new StrictJson();
  private final JsonCanonicalForm jcs = new JsonCanonicalForm();

  /**
   * @param fhirContext the process-wide R5 context; only used by {@link #canonicalize(Bundle)}
   */
  public DocumentCanonicalizer(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  /** Canonical bytes of a document Bundle given as its stored JSON bytes (preferred input). */
  public CanonicalOutcome canonicalize(byte[] bundleJson) {
    Optional<JsonNode> parsed = json.parse(bundleJson);
    if (parsed.isEmpty() || !parsed.get().isObject()) {
      return CanonicalOutcome.Failed.of("signing.canonical.notJson");
    }
    return canonicalize((ObjectNode) parsed.get());
  }

  /** Canonical bytes of an in-memory Bundle, serialized with the R5 JSON parser first. */
  public CanonicalOutcome canonicalize(Bundle bundle) {
    String text = fhirContext.newJsonParser().encodeResourceToString(bundle);
    return canonicalize(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The document Bundle as it was before anyone signed it: {@code bundleJson} without its signing
   * Provenance entries (the same ones {@link #canonicalize} leaves out), everything else, {@code
   * Bundle.id} and {@code meta} included, kept as it is. Empty when the bytes are not a document
   * Bundle with an id. Used to build a new document (a retraction) from a signed one.
   */
  public Optional<byte[]> withoutSignatures(byte[] bundleJson) {
    Optional<JsonNode> parsed = json.parse(bundleJson);
    if (parsed.isEmpty() || !parsed.get().isObject() || !isDocument(parsed.get())) {
      return Optional.empty();
    }
    ObjectNode bundle = (ObjectNode) parsed.get();
    Optional<String> id = BundleJson.bundleId(bundle);
    id.ifPresent(bundleId -> removeSigningProvenances(bundle, bundleId));
    return id.map(bundleId -> json.writeBytes(bundle));
  }

  CanonicalOutcome canonicalize(ObjectNode bundle) {
    if (!isDocument(bundle)) {
      return CanonicalOutcome.Failed.of("signing.canonical.notDocument");
    }
    Optional<String> id = BundleJson.bundleId(bundle);
    if (id.isEmpty()) {
      return CanonicalOutcome.Failed.of("signing.canonical.noBundleId");
    }
    ObjectNode signed = bundle.deepCopy();
    signed.remove("id");
    signed.remove("meta");
    removeSigningProvenances(signed, id.get());
    return jcs.canonicalize(json.write(signed))
        .<CanonicalOutcome>map(
            bytes -> new CanonicalOutcome.Canonicalized(CanonicalDocument.of(id.get(), bytes)))
        .orElseGet(() -> CanonicalOutcome.Failed.of("signing.canonical.notIJson"));
  }

  private static boolean isDocument(JsonNode bundle) {
    return "Bundle".equals(bundle.path("resourceType").asText(null))
        && "document".equals(bundle.path("type").asText(null));
  }

  /** R6: the signature covers the Bundle without the Provenances that target it. */
  private static void removeSigningProvenances(ObjectNode bundle, String bundleId) {
    JsonNode entries = bundle.get("entry");
    if (entries instanceof ArrayNode array) {
      for (int i = array.size() - 1; i >= 0; i--) {
        if (BundleJson.isSigningProvenance(array.get(i), bundleId)) {
          array.remove(i);
        }
      }
    }
  }
}
