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
}
