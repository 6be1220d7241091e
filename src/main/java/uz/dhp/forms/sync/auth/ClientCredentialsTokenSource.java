package uz.dhp.forms.sync.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * OAuth2 client credentials for a clinic-level client (dhp-spec §1): the token is cached and
 * renewed {@code renewBefore} ahead of its expiry — first through the refresh endpoint (DHP keeps
 * the refresh token in an HTTP-only cookie), else with a new client-credentials grant — and
 * obtained again after the server answered 401. The client secret is read from the {@link
 * SecretStore} for each grant and cleared afterwards.
 */
public final class ClientCredentialsTokenSource implements AccessTokenSource {

  private final URI tokenEndpoint;
  private final Optional<URI> refreshEndpoint;
  private final String clientId;
  private final SecretStore secrets;
  private final String secretName;
  private final Clock clock;
  private final Duration renewBefore;
  private final TokenEndpointClient client;

  private TokenOutcome.Token cached;
  private boolean mayRefresh;

  public ClientCredentialsTokenSource(
      URI tokenEndpoint,
      Optional<URI> refreshEndpoint,
      String clientId,
      SecretStore secrets,
      String secretName,
      Clock clock,
      Duration renewBefore,
      Duration timeout) {
    this.tokenEndpoint = tokenEndpoint;
    this.refreshEndpoint = refreshEndpoint;
    this.clientId = clientId;
    this.secrets = secrets;
    this.secretName = secretName;
    this.clock = clock;
    this.renewBefore = renewBefore;
    this.client = new TokenEndpointClient(clock, timeout);
  }

  @Override
  public synchronized TokenOutcome currentToken() {
    if (cached != null && clock.instant().isBefore(cached.expires().minus(renewBefore))) {
      return cached;
    }
    if (cached != null && mayRefresh && refreshEndpoint.isPresent()) {
      Object refreshed = client.post(refreshEndpoint.get(), Map.of("client_id", clientId));
      if (refreshed instanceof TokenEndpointClient.Grant g) {
        cached = g.token();
        return cached;
      }
    }
    return grant();
  }

  private TokenOutcome grant() {
    Optional<char[]> secret = secrets.read(secretName);
    if (secret.isEmpty()) {
      return new TokenOutcome.Unavailable("sync.auth.noSecret", "no client secret stored", false);
    }
    char[] s = secret.get();
    Object answer;
    try {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", "client_credentials");
      form.put("client_id", clientId);
      form.put("client_secret", new String(s));
      answer = client.post(tokenEndpoint, form);
    } finally {
      Arrays.fill(s, '\0');
    }
    if (answer instanceof TokenEndpointClient.Grant g) {
      cached = g.token();
      mayRefresh = true;
      return cached;
    }
    cached = null;
    return (TokenOutcome) answer;
  }

  @Override
  public synchronized void invalidate(String rejectedToken) {
    if (cached != null && cached.value().equals(rejectedToken)) {
      cached = null;
      // A rejected token means the session is gone: take a new grant, not a refresh.
      mayRefresh = false;
    }
  }
}
