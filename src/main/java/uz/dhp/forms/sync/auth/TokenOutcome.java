package uz.dhp.forms.sync.auth;

import java.time.Instant;

/** Result of asking for an access token. */
public sealed interface TokenOutcome {

  /** A bearer token valid until {@code expires}. {@link #toString()} never shows the value. */
  record Token(String value, Instant expires) implements TokenOutcome {
    @Override
    public String toString() {
      return "Token[expires=" + expires + "]";
    }
  }

  /** The server needs no authentication. */
  record NoAuth() implements TokenOutcome {}

  /**
   * No token. {@code reasonKey} is a {@code sync.auth.*} message key; {@code retryable} false means
   * the user must act (log in again, fix the client credentials).
   */
  record Unavailable(String reasonKey, String detail, boolean retryable) implements TokenOutcome {}
}
