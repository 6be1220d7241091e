package uz.dhp.forms.store;

import java.time.Instant;

/**
 * A patient found on the server, kept for offline pre-filling and, on the same server, to reference
 * the server's patient in documents.
 *
 * @param serverId the Patient's logical id on that server
 * @param serverBase the FHIR base URL it was found on (no trailing slash); empty for copies cached
 *     before the base was recorded
 */
public record CachedPatient(
    String pinfl, String serverId, String serverBase, String resourceJson, Instant fetched) {

  /** True when this copy came from the server at {@code base} (trailing slashes ignored). */
  public boolean cameFrom(String base) {
    return !serverBase.isEmpty() && serverBase.equals(withoutTrailingSlash(base));
  }

  static String withoutTrailingSlash(String base) {
    return base == null ? "" : base.strip().replaceAll("/+$", "");
  }

  @Override
  public String toString() {
    // never the PINFL or the resource: patient data
    return "CachedPatient[serverId=" + serverId + ", serverBase=" + serverBase + "]";
  }
}
