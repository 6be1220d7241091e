package uz.dhp.forms.sync.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A named fake of the DHP SSO (the real one is unreachable from here), on 127.0.0.1: {@code
 * /oauth/token} (client_credentials, authorization_code with PKCE S256, refresh_token), {@code
 * /jwt/refresh} (refresh cookie), {@code /authorize} (redirects to the loopback with a code, as a
 * browser would see it) and a protected {@code /fhir/Bundle} that answers 401 to unknown tokens.
 */
final class FakeDhpAuthServer implements AutoCloseable {

  final String clientId = "clinic-42";
  final String clientSecret = "s3cret-for-tests-only";
  final String publicClientId = "dhp-forms-desktop";
  final AtomicInteger grants = new AtomicInteger();
  final AtomicInteger refreshes = new AtomicInteger();
  final AtomicInteger fhirCalls = new AtomicInteger();
  volatile long expiresIn = 3600;
  volatile boolean denyAuthorization;

  private final HttpServer server;
  private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  private final Map<String, String[]> codes =
      new ConcurrentHashMap<>(); // code → challenge, redirect
  private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger counter = new AtomicInteger();

  FakeDhpAuthServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/oauth/token", this::token);
    server.createContext("/jwt/refresh", this::cookieRefresh);
    server.createContext("/authorize", this::authorize);
    server.createContext("/fhir/Bundle", this::fhir);
    server.start();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Server-side revocation: every token issued so far stops working. */
  void revokeAll() {
    validTokens.clear();
  }

  private String issue() {
    String t = "tok-" + counter.incrementAndGet();
    validTokens.add(t);
    return t;
  }

  private void token(HttpExchange ex) throws IOException {
    Map<String, String> form =
        PkceLogin.parseQuery(
            new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    switch (form.getOrDefault("grant_type", "")) {
      case "client_credentials" -> {
        if (!clientId.equals(form.get("client_id"))
            || !clientSecret.equals(form.get("client_secret"))) {
          json(ex, 401, "{\"error\":\"invalid_client\"}");
          return;
        }
        grants.incrementAndGet();
        ex.getResponseHeaders()
            .add("Set-Cookie", "refresh=r-" + counter.get() + "; HttpOnly; Path=/");
        json(ex, 200, tokenJson(issue(), null));
      }
      case "authorization_code" -> {
        String[] c = codes.remove(form.getOrDefault("code", ""));
        if (c == null
            || !c[0].equals(PkceLogin.challenge(form.getOrDefault("code_verifier", "")))
            || !c[1].equals(form.get("redirect_uri"))
            || !publicClientId.equals(form.get("client_id"))) {
          json(ex, 400, "{\"error\":\"invalid_grant\"}");
          return;
        }
        grants.incrementAndGet();
        String refresh = "rt-" + counter.incrementAndGet();
        refreshTokens.add(refresh);
        json(ex, 200, tokenJson(issue(), refresh));
      }
      case "refresh_token" -> {
        if (!refreshTokens.remove(form.getOrDefault("refresh_token", ""))) {
          json(ex, 400, "{\"error\":\"invalid_grant\"}");
          return;
        }
        refreshes.incrementAndGet();
        String rotated = "rt-" + counter.incrementAndGet();
        refreshTokens.add(rotated);
        json(ex, 200, tokenJson(issue(), rotated));
      }
      default -> json(ex, 400, "{\"error\":\"unsupported_grant_type\"}");
    }
  }

  private void cookieRefresh(HttpExchange ex) throws IOException {
    List<String> cookies = ex.getRequestHeaders().getOrDefault("Cookie", List.of());
    if (cookies.stream().noneMatch(c -> c.contains("refresh=r-"))) {
      json(ex, 401, "{\"error\":\"invalid_grant\"}");
      return;
    }
    refreshes.incrementAndGet();
    json(ex, 200, tokenJson(issue(), null));
  }

  private void authorize(HttpExchange ex) throws IOException {
    Map<String, String> q = PkceLogin.parseQuery(ex.getRequestURI().getRawQuery());
    String redirect = q.get("redirect_uri");
    boolean ok =
        "code".equals(q.get("response_type"))
            && publicClientId.equals(q.get("client_id"))
            && "S256".equals(q.get("code_challenge_method"))
            && redirect != null
            && redirect.startsWith("http://127.0.0.1:");
    String target;
    if (!ok || denyAuthorization) {
      target = redirect + "?error=access_denied&state=" + q.get("state");
    } else {
      String code = "code-" + counter.incrementAndGet();
      codes.put(code, new String[] {q.get("code_challenge"), redirect});
      target = redirect + "?code=" + code + "&state=" + q.get("state");
    }
    ex.getResponseHeaders().add("Location", target);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  private void fhir(HttpExchange ex) throws IOException {
    fhirCalls.incrementAndGet();
    ex.getRequestBody().readAllBytes();
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || !validTokens.contains(auth.substring(7))) {
      json(
          ex,
          401,
          "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"login\"}]}");
      return;
    }
    ex.getResponseHeaders().add("Location", uri("/fhir/Bundle/77/_history/1").toString());
    ex.sendResponseHeaders(201, -1);
    ex.close();
  }

  private String tokenJson(String access, String refresh) {
    return "{\"access_token\":\""
        + access
        + "\",\"token_type\":\"Bearer\",\"expires_in\":"
        + expiresIn
        + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"")
        + "}";
  }

  private static void json(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
