package uz.dhp.forms.sync.auth;

/**
 * Supplies the bearer token for requests to the server. Implementations cache the token, renew it
 * before it expires, and obtain a new one after {@link #invalidate}.
 */
public interface AccessTokenSource {

  /** The token to send now (fetching or renewing it if needed), or why there is none. */
  TokenOutcome currentToken();

  /** The server answered 401 with this token: drop it so the next call obtains a fresh one. */
  void invalidate(String rejectedToken);

  /** For servers without authentication (the local sandbox). */
  static AccessTokenSource none() {
    return new AccessTokenSource() {
      @Override
      public TokenOutcome currentToken() {
        return new TokenOutcome.NoAuth();
      }

      @Override
      public void invalidate(String rejectedToken) {}
    };
  }
}
