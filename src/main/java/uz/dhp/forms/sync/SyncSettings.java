package uz.dhp.forms.sync;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import uz.dhp.forms.sync.auth.AccessTokenSource;
import uz.dhp.forms.sync.auth.ClientCredentialsTokenSource;
import uz.dhp.forms.sync.auth.SecretStore;

/**
 * The server settings a user can change, without the client secret (that lives only in the {@link
 * SecretStore} under {@link #CLIENT_SECRET_NAME}). Persisted through {@link
 * SyncSettingsRepository}.
 *
 * @param dhpBaseUrl FHIR base of the DHP server, used when {@code server} is {@link
 *     ServerChoice#DHP}
 * @param ssoBaseUrl base of DHP's login service ({@code POST {sso}/oauth/token}, dhp-spec §1)
 * @param clientId the clinic's OAuth2 client id (empty: no login)
 */
public record SyncSettings(
    ServerChoice server,
    URI dhpBaseUrl,
    URI ssoBaseUrl,
    String clientId,
    SubmissionStrategy strategy) {

  /** Which server the documents go to. */
  public enum ServerChoice {
    /** The sandbox FHIR server on this PC ({@link ServerConfig#SANDBOX_BASE_URL}): the default. */
    SANDBOX,
    /** The national platform (or a clinic server in front of it) at {@code dhpBaseUrl}. */
    DHP
  }

  /** The DHP playground (dhp-spec §1); a starting value the administrator replaces. */
  public static final URI PLAYGROUND_BASE_URL = URI.create("https://playground.dhp.uz/fhir");

  public static final URI PLAYGROUND_SSO_URL = URI.create("https://playground.dhp.uz/sso/api");

  /** Name of the client secret in the {@link SecretStore}. */
  public static final String CLIENT_SECRET_NAME = "dhp.clientSecret";

  public SyncSettings {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(dhpBaseUrl, "dhpBaseUrl");
    Objects.requireNonNull(ssoBaseUrl, "ssoBaseUrl");
    Objects.requireNonNull(strategy, "strategy");
    clientId = clientId == null ? "" : clientId.trim();
  }

  /** Sandbox on this PC, conditional create, no login. */
  public static SyncSettings defaults() {
    return new SyncSettings(
        ServerChoice.SANDBOX,
        PLAYGROUND_BASE_URL,
        PLAYGROUND_SSO_URL,
        "",
        SubmissionStrategy.CONDITIONAL_CREATE);
  }

  /** The FHIR base URL documents are sent to. */
  public URI baseUrl() {
    return server == ServerChoice.SANDBOX ? ServerConfig.SANDBOX_BASE_URL : dhpBaseUrl;
  }

  /** Gateway configuration with the default timeouts. */
  public ServerConfig serverConfig() {
    return ServerConfig.defaults(baseUrl()).withStrategy(strategy);
  }

  /** True when requests carry a clinic login (DHP with a client id). */
  public boolean usesLogin() {
    return server == ServerChoice.DHP && !clientId.isEmpty();
  }

  /**
   * The token source for these settings: none for the sandbox or without a client id, else OAuth2
   * client credentials with the secret read from {@code secrets} at each grant.
   */
  public AccessTokenSource tokenSource(SecretStore secrets, Clock clock) {
    if (!usesLogin()) {
      return AccessTokenSource.none();
    }
    String sso = ssoBaseUrl.toString().replaceAll("/+$", "");
    return new ClientCredentialsTokenSource(
        URI.create(sso + "/oauth/token"),
        Optional.of(URI.create(sso + "/jwt/refresh")),
        clientId,
        secrets,
        CLIENT_SECRET_NAME,
        clock,
        Duration.ofMinutes(5),
        Duration.ofSeconds(20));
  }

  /**
   * Reads a server address typed by the user: an absolute {@code https} URL, or {@code http} for
   * this PC (loopback) and the clinic network. Returns why it is not usable as a {@code
   * sync.settings.*} message.
   */
  public static ParsedUrl parseUrl(String text) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      return new ParsedUrl.Invalid(SyncMessage.of("sync.settings.url.empty"));
    }
    URI uri;
    try {
      uri = new URI(t);
    } catch (URISyntaxException e) {
      return new ParsedUrl.Invalid(SyncMessage.of("sync.settings.url.invalid"));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http"))
        || uri.getHost() == null
        || uri.getQuery() != null
        || uri.getFragment() != null) {
      return new ParsedUrl.Invalid(SyncMessage.of("sync.settings.url.invalid"));
    }
    return new ParsedUrl.Valid(uri);
  }

  /** Result of {@link #parseUrl}. */
  public sealed interface ParsedUrl {
    record Valid(URI uri) implements ParsedUrl {}

    record Invalid(SyncMessage reason) implements ParsedUrl {}
  }
}
