package uz.dhp.forms.signing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uz.dhp.forms.support.IdGenerator;

/**
 * Our default signing protocol: the WebView loads a host page served by us on 127.0.0.1, which
 * embeds the configured signing page in an iframe, posts it the {@link SigningRequest}, and relays
 * the page's answer to {@code window.javaBridge.onResult(origin, data)} only when {@code
 * event.origin} is the signing origin (messages are queued until Java calls {@code
 * window.__bridgeReady()}). See docs/signing-protocol.md.
 */
public final class IframeSigningAdapter implements SigningAdapter {

  private static final String PAGE_PREFIX = "/sign/";
  private static final String STATIC_PREFIX = "/static/";

  private final LoopbackServer hostServer;
  private final String signingUrlTemplate;
  private final String signingOrigin;
  private final Clock clock;
  private final IdGenerator ids;
  private final SigningMessageParser parser = new SigningMessageParser();
  private final Map<String, SigningSession> sessions = new ConcurrentHashMap<>();

  /**
   * @param hostServer the loopback server that serves our host page (its own origin)
   * @param signingUrlTemplate the signing page URL; {@code {lang}} is replaced by the request's
   *     language tag. Must be https, or http on a loopback host
   * @throws IllegalArgumentException when the URL is not an allowed signing URL (configuration bug)
   */
  public IframeSigningAdapter(
      LoopbackServer hostServer, String signingUrlTemplate, Clock clock, IdGenerator ids) {
    this.hostServer = hostServer;
    this.signingUrlTemplate = signingUrlTemplate;
    this.signingOrigin =
        originOf(URI.create(signingUrlTemplate.replace("{lang}", "en")))
            .orElseThrow(
                () -> new IllegalArgumentException("signing URL must be https or loopback http"));
    this.clock = clock;
    this.ids = ids;
    hostServer.route(PAGE_PREFIX, this::servePage);
    hostServer.route(STATIC_PREFIX, IframeSigningAdapter::serveStatic);
  }

  /**
   * {@code scheme://host[:port]} of an allowed signing URL: https anywhere, http only on loopback.
   */
  public static Optional<String> originOf(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
    if (host.isEmpty() || !(scheme.equals("https") || (scheme.equals("http") && loopback))) {
      return Optional.empty();
    }
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("https") && port == 443)
            || (scheme.equals("http") && port == 80);
    return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port));
  }

  public String signingOrigin() {
    return signingOrigin;
  }

  /** Origin of our host page (what the signing page must post its answer to). */
  public String hostOrigin() {
    return hostServer.origin();
  }

  @Override
  public SigningSession start(SigningRequest request) {
    String id = ids.newId();
    SigningSession session =
        new SigningSession(
            id,
            URI.create(hostServer.origin() + PAGE_PREFIX + id),
            signingOrigin,
            request,
            clock.instant());
    sessions.put(id, session);
    return session;
  }

  @Override
  public SigningResponse receive(SigningSession session, String origin, String data) {
    if (!sessions.containsKey(session.id())) {
      return new SigningResponse.Malformed("signing.message.sessionClosed");
    }
    if (!session.signingOrigin().equals(origin)) {
      return new SigningResponse.Malformed("signing.message.wrongOrigin");
    }
    return parser.parse(data, session.request());
  }

  @Override
  public void finish(SigningSession session) {
    sessions.remove(session.id());
  }

  private void servePage(HttpExchange exchange) throws IOException {
    if (!isGet(exchange)) {
      LoopbackServer.sendText(exchange, 405, "method not allowed");
      return;
    }
    String id = exchange.getRequestURI().getPath().substring(PAGE_PREFIX.length());
    SigningSession session = sessions.get(id);
    if (session == null) {
      LoopbackServer.sendText(exchange, 404, "no such signing session");
      return;
    }
    String lang = session.request().lang();
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.put(
        "signingUrl",
        signingUrlTemplate.replace("{lang}", URLEncoder.encode(lang, StandardCharsets.UTF_8)));
    config.put("signingOrigin", signingOrigin);
    config.set("request", session.request().toJson());
    String html =
        LoopbackServer.resource("host.html")
            .replace("{{lang}}", lang.replaceAll("[^A-Za-z-]", ""))
            .replace("{{config}}", LoopbackServer.jsonForHtml(config.toString()));
    LoopbackServer.send(
        exchange,
        200,
        "text/html",
        html.getBytes(StandardCharsets.UTF_8),
        Map.of(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; frame-src "
                + signingOrigin
                + "; base-uri 'none'; form-action 'none'"));
  }

  private static void serveStatic(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (!isGet(exchange)) {
      LoopbackServer.sendText(exchange, 405, "method not allowed");
    } else if (path.equals(STATIC_PREFIX + "host.js")) {
      LoopbackServer.send(
          exchange,
          200,
          "text/javascript",
          LoopbackServer.resource("host.js").getBytes(StandardCharsets.UTF_8),
          Map.of());
    } else if (path.equals(STATIC_PREFIX + "host.css")) {
      LoopbackServer.send(
          exchange,
          200,
          "text/css",
          LoopbackServer.resource("host.css").getBytes(StandardCharsets.UTF_8),
          Map.of());
    } else {
      LoopbackServer.sendText(exchange, 404, "not found");
    }
  }

  private static boolean isGet(HttpExchange exchange) {
    return "GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod());
  }
}
