package uz.dhp.forms.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Navigation in a Bundle's JSON tree shared by canonicalization and stored verification. */
final class BundleJson {

  private BundleJson() {}

  static Optional<String> bundleId(JsonNode bundle) {
    JsonNode id = bundle.get("id");
    return id != null && id.isTextual() && !id.asText().isBlank()
        ? Optional.of(id.asText())
        : Optional.empty();
  }

  static boolean isProvenance(JsonNode entry) {
    return "Provenance".equals(entry.path("resource").path("resourceType").asText(null));
  }

  /** R6: a signing Provenance is an entry whose target references the Bundle itself. */
  static boolean isSigningProvenance(JsonNode entry, String bundleId) {
    return isProvenance(entry) && targetsBundle(entry.path("resource"), bundleId);
  }

  static boolean targetsBundle(JsonNode provenance, String bundleId) {
    for (JsonNode target : provenance.path("target")) {
      if (("Bundle/" + bundleId).equals(target.path("reference").asText(null))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a Provenance carries a JWS signature (so it claims to sign something). */
  static boolean hasJoseSignature(JsonNode provenance) {
    for (JsonNode signature : provenance.path("signature")) {
      if ("application/jose".equals(signature.path("sigFormat").asText(null))) {
        return true;
      }
    }
    return false;
  }

  static final String PINFL_SYSTEM = "https://dhp.uz/fhir/core/sid/pid/uz/ni";

  /** The entry whose fullUrl is {@code reference}, if any. */
  static Optional<JsonNode> resolve(JsonNode bundle, String reference) {
    for (JsonNode entry : bundle.path("entry")) {
      if (reference.equals(entry.path("fullUrl").asText(null))) {
        return Optional.of(entry.path("resource"));
      }
    }
    return Optional.empty();
  }

  /**
   * The PINFL of the practitioner behind a PractitionerRole reference, when the Bundle contains
   * both the role and the Practitioner with a PINFL identifier.
   */
  static Optional<String> practitionerPinfl(JsonNode bundle, String roleReference) {
    return resolve(bundle, roleReference)
        .filter(r -> "PractitionerRole".equals(r.path("resourceType").asText(null)))
        .map(r -> r.path("practitioner").path("reference").asText(""))
        .flatMap(ref -> resolve(bundle, ref))
        .filter(p -> "Practitioner".equals(p.path("resourceType").asText(null)))
        .flatMap(
            p -> {
              for (JsonNode id : p.path("identifier")) {
                if (PINFL_SYSTEM.equals(id.path("system").asText(null))
                    && id.path("value").isTextual()) {
                  return Optional.of(id.path("value").asText());
                }
              }
              return Optional.empty();
            });
  }
}
