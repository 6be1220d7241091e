package uz.dhp.forms.sync.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The token of a logged-in user: renewed with the refresh token a minute before expiry; once that
 * fails (or after a 401 and a failed refresh) the user must log in again ({@code
 * sync.auth.loginRequired}, not retryable). Tokens stay in memory only.
 */
public final class UserTokenSource implements AccessTokenSource {

  private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

  private final URI tokenEndpoint;
  private final String clientId;
  private final TokenEndpointClient client;
  private final Clock clock;
  private TokenOutcome.Token token;
  private Optional<String> refreshToken;

  UserTokenSource(
      URI tokenEndpoint,
      String clientId,
      TokenEndpointClient client,
      TokenEndpointClient.Grant grant,
      Clock clock) {
    this.tokenEndpoint = tokenEndpoint;
    this.clientId = clientId;
    this.client = client;
    this.clock = clock;
    this.token = grant.token();
    this.refreshToken = grant.refreshToken();
  }

  @Override
  public synchronized TokenOutcome currentToken() {
    if (token != null && clock.instant().isBefore(token.expires().minus(RENEW_BEFORE))) {
      return token;
    }
    if (refreshToken.isEmpty()) {
      token = null;
      return new TokenOutcome.Unavailable("sync.auth.loginRequired", "no refresh token", false);
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken.get());
    form.put("client_id", clientId);
    Object answer = client.post(tokenEndpoint, form);
    if (answer instanceof TokenEndpointClient.Grant g) {
      token = g.token();
      if (g.refreshToken().isPresent()) {
        refreshToken = g.refreshToken(); // rotated
      }
      return token;
    }
    TokenOutcome.Unavailable u = (TokenOutcome.Unavailable) answer;
    if (!u.retryable()) {
      token = null;
      refreshToken = Optional.empty();
      return new TokenOutcome.Unavailable("sync.auth.loginRequired", u.detail(), false);
    }
    return u;
  }

  @Override
  public synchronized void invalidate(String rejectedToken) {
    if (token != null && token.value().equals(rejectedToken)) {
      token = null;
    }
  }

  /** Logs out: forgets both tokens. */
  public synchronized void logout() {
    token = null;
    refreshToken = Optional.empty();
  }
}
