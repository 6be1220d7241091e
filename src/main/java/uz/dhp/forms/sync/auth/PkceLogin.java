package uz.dhp.forms.sync.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Per-user login: OAuth2 authorization code with PKCE (RFC 7636, S256) and a loopback redirect (RFC
 * 8252 §7.3) in the system browser. A one-shot HTTP listener on 127.0.0.1 and an ephemeral port
 * receives the code; {@code state} guards against forged redirects. The result is a {@link
 * UserTokenSource} that renews the access token with the refresh token while the session lasts.
 */
public final class PkceLogin {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI authorizationEndpoint;
  private final URI tokenEndpoint;
  private final String clientId;
  private final String scope;
  private final BrowserLauncher browser;
  private final Clock clock;
  private final Duration timeout;
  private final String donePageHtml;

  /**
   * @param donePageHtml the page the browser shows after the redirect, already in the user's
   *     language (it says the window can be closed)
   */
  public PkceLogin(
      URI authorizationEndpoint,
      URI tokenEndpoint,
      String clientId,
      String scope,
      BrowserLauncher browser,
      Clock clock,
      Duration timeout,
      String donePageHtml) {
    this.authorizationEndpoint = authorizationEndpoint;
    this.tokenEndpoint = tokenEndpoint;
    this.clientId = clientId;
    this.scope = scope;
    this.browser = browser;
    this.clock = clock;
    this.timeout = timeout;
    this.donePageHtml = donePageHtml;
  }

  /** The outcome of a login: a token source for the session, or why not. */
  public sealed interface LoginOutcome {
    record LoggedIn(UserTokenSource tokens) implements LoginOutcome {}

    /** {@code reasonKey}: a {@code sync.auth.*} message key. */
    record Failed(String reasonKey, String detail) implements LoginOutcome {}
  }

  /** Runs the whole login; blocks until the browser comes back or {@code timeout} passes. */
  public LoginOutcome login() {
    String verifier = randomToken(32);
    String state = randomToken(16);
    HttpServer listener;
    try {
      listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      return new LoginOutcome.Failed("sync.auth.loopbackFailed", e.getClass().getSimpleName());
    }
    CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
    listener.createContext("/callback", ex -> answer(ex, callback));
    listener.start();
    try {
      URI redirect =
          URI.create("http://127.0.0.1:" + listener.getAddress().getPort() + "/callback");
      Map<String, String> q = new LinkedHashMap<>();
      q.put("response_type", "code");
      q.put("client_id", clientId);
      q.put("redirect_uri", redirect.toString());
      q.put("scope", scope);
      q.put("state", state);
      q.put("code_challenge", challenge(verifier));
      q.put("code_challenge_method", "S256");
      browser.open(URI.create(authorizationEndpoint + "?" + query(q)));
      Map<String, String> params;
      try {
        params = callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        return new LoginOutcome.Failed("sync.auth.timeout", "no redirect within " + timeout);
      } catch (ExecutionException e) {
        return new LoginOutcome.Failed("sync.auth.loopbackFailed", "callback failed");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new LoginOutcome.Failed("sync.auth.timeout", "interrupted");
      }
      if (!state.equals(params.get("state"))) {
        return new LoginOutcome.Failed("sync.auth.stateMismatch", "state did not match");
      }
      if (params.containsKey("error")) {
        return new LoginOutcome.Failed("sync.auth.denied", "error=" + params.get("error"));
      }
      String code = params.get("code");
      if (code == null || code.isEmpty()) {
        return new LoginOutcome.Failed("sync.auth.denied", "no code");
      }
      TokenEndpointClient client = new TokenEndpointClient(clock, timeout);
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", "authorization_code");
      form.put("code", code);
      form.put("redirect_uri", redirect.toString());
      form.put("client_id", clientId);
      form.put("code_verifier", verifier);
      Object answer = client.post(tokenEndpoint, form);
      if (answer instanceof TokenEndpointClient.Grant g) {
        return new LoginOutcome.LoggedIn(
            new UserTokenSource(tokenEndpoint, clientId, client, g, clock));
      }
      TokenOutcome.Unavailable u = (TokenOutcome.Unavailable) answer;
      return new LoginOutcome.Failed(u.reasonKey(), u.detail());
    } finally {
      listener.stop(0);
    }
  }

  private void answer(HttpExchange ex, CompletableFuture<Map<String, String>> callback)
      throws IOException {
    Map<String, String> params = parseQuery(ex.getRequestURI().getRawQuery());
    byte[] page = donePageHtml.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(200, page.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(page);
    }
    callback.complete(params);
  }

  /** S256 code challenge: BASE64URL(SHA-256(ASCII(verifier))), no padding. */
  static String challenge(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String randomToken(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String query(Map<String, String> q) {
    StringBuilder sb = new StringBuilder();
    q.forEach(
        (k, v) -> {
          if (sb.length() > 0) {
            sb.append('&');
          }
          sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return sb.toString();
  }

  static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }
}
