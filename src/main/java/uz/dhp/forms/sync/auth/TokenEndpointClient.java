package uz.dhp.forms.sync.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Posts OAuth2 token requests (RFC 6749 §4) as form data and reads the JSON answer. Cookies (DHP
 * returns the refresh token as an HTTP-only cookie, dhp-spec §1) stay in this client's memory.
 */
final class TokenEndpointClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Clock clock;
  private final Duration timeout;

  TokenEndpointClient(Clock clock, Duration timeout) {
    this.clock = clock;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .cookieHandler(new CookieManager())
            .build();
  }

  /** A token answer: the access token and, if the server sent one, a refresh token. */
  record Grant(TokenOutcome.Token token, Optional<String> refreshToken) {}

  /** Posts {@code form} to {@code endpoint}; a token, or why not. */
  Object post(URI endpoint, Map<String, String> form) {
    StringJoiner body = new StringJoiner("&");
    form.forEach(
        (k, v) ->
            body.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new TokenOutcome.Unavailable(
          "sync.auth.unreachable", e.getClass().getSimpleName(), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new TokenOutcome.Unavailable("sync.auth.unreachable", "interrupted", true);
    }
    int status = response.statusCode();
    if (status == 400 || status == 401 || status == 403) {
      // invalid_client / invalid_grant: retrying with the same credentials cannot help.
      return new TokenOutcome.Unavailable(
          "sync.auth.refused",
          "token endpoint HTTP " + status + " " + errorCode(response.body()),
          false);
    }
    if (status != 200) {
      return new TokenOutcome.Unavailable(
          "sync.auth.unreachable", "token endpoint HTTP " + status, true);
    }
    try {
      JsonNode n = JSON.readTree(response.body());
      String access = n.path("access_token").asText("");
      if (access.isEmpty()) {
        return new TokenOutcome.Unavailable("sync.auth.refused", "no access_token", false);
      }
      long expiresIn = n.path("expires_in").asLong(3600);
      Optional<String> refresh =
          n.hasNonNull("refresh_token")
              ? Optional.of(n.get("refresh_token").asText())
              : Optional.empty();
      return new Grant(
          new TokenOutcome.Token(access, clock.instant().plusSeconds(expiresIn)), refresh);
    } catch (IOException e) {
      return new TokenOutcome.Unavailable("sync.auth.refused", "unreadable token answer", true);
    }
  }

  /** OAuth error code only (never the description, which may echo input). */
  private static String errorCode(String body) {
    try {
      return JSON.readTree(body).path("error").asText("");
    } catch (IOException e) {
      return "";
    }
  }
}
