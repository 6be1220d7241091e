package uz.dhp.forms.sync;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r5.model.Bundle;
import uz.dhp.forms.store.BundleIdentifier;

/** Asks the real server directly (no proxy) how many copies of each document it holds. */
final class ServerInspector {

  private final URI base;
  private final FhirContext fhir;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  ServerInspector(URI base, FhirContext fhir) {
    this.base = base;
    this.fhir = fhir;
  }

  /** identifier value → number of Bundles on the server with it (absent: none). */
  Map<String, Integer> copies(Collection<BundleIdentifier> ids) throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    if (ids.isEmpty()) {
      return counts;
    }
    StringBuilder tokens = new StringBuilder();
    for (BundleIdentifier id : ids) {
      if (tokens.length() > 0) {
        tokens.append(',');
      }
      tokens.append(URLEncoder.encode(id.token(), StandardCharsets.UTF_8));
    }
    String next = base + "/Bundle?identifier=" + tokens + "&_count=200";
    while (next != null) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(next))
                  .timeout(Duration.ofSeconds(60))
                  .header("Accept", "application/fhir+json")
                  .header("Cache-Control", "no-cache")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("search failed: HTTP " + r.statusCode());
      }
      Bundle page = fhir.newJsonParser().parseResource(Bundle.class, r.body());
      for (Bundle.BundleEntryComponent e : page.getEntry()) {
        Bundle doc = (Bundle) e.getResource();
        counts.merge(doc.getIdentifier().getValue(), 1, Integer::sum);
      }
      next = page.getLink("next") == null ? null : page.getLink("next").getUrl();
    }
    return counts;
  }
}
