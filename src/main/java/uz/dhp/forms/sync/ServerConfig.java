package uz.dhp.forms.sync;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how documents are sent. The base URL is configuration (dhp-spec §1): the sandbox
 * ({@link #SANDBOX_BASE_URL}), the DHP playground, or a clinic server.
 *
 * @param probeTimeout timeout of the connectivity probe ({@code GET [base]/metadata})
 */
public record ServerConfig(
    URI baseUrl,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration probeTimeout,
    SubmissionStrategy strategy) {

  /** The local sandbox server started by {@code mvn -Psandbox} (docs/sandbox.md). */
  public static final URI SANDBOX_BASE_URL = URI.create("http://127.0.0.1:8085/fhir");

  public ServerConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(strategy, "strategy");
    String s = baseUrl.toString();
    if (s.endsWith("/")) {
      baseUrl = URI.create(s.substring(0, s.length() - 1));
    }
  }

  /** Defaults for a real network: 10 s to connect, 60 s per request, 5 s for the probe. */
  public static ServerConfig defaults(URI baseUrl) {
    return new ServerConfig(
        baseUrl,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(5),
        SubmissionStrategy.CONDITIONAL_CREATE);
  }

  public ServerConfig withTimeouts(Duration connect, Duration request, Duration probe) {
    return new ServerConfig(baseUrl, connect, request, probe, strategy);
  }

  public ServerConfig withStrategy(SubmissionStrategy s) {
    return new ServerConfig(baseUrl, connectTimeout, requestTimeout, probeTimeout, s);
  }

  URI resolve(String path) {
    return URI.create(baseUrl + "/" + path);
  }
}
