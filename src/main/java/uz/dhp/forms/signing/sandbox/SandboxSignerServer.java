package uz.dhp.forms.signing.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import uz.dhp.forms.i18n.Messages;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.signing.LoopbackServer;

/**
 * The sandbox signing page: a stand-in for DHP's signing iframe that implements our default
 * protocol with {@link TestCertificateAuthority} keys, on its own origin ({@code
 * http://127.0.0.1:<port>}, a different port from the host page). It shows the document hash, a
 * picker of test practitioners and a "not legally binding" label; "Sign" asks this server to sign
 * the hash (the WebView has no WebCrypto) and the page posts {@code {status, jws, x5c}} to the
 * host.
 *
 * <p>Routes: {@code GET /sandbox/sign?lang=…} (the page), {@code GET /sandbox/static/…}, {@code
 * POST /sandbox/api/sign} with {@code {"hash","pinfl","documentId"}} → {@code {"jws","x5c"}}.
 */
public final class SandboxSignerServer implements AutoCloseable {

  private static final int MAX_BODY = 8 * 1024;
  private static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9.-]{1,64}");
  private static final Pattern HASH = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final LoopbackServer server;
  private final TestCertificateAuthority ca;
  private final SandboxSigner signer;
  private final String hostOrigin;
  private final ObjectMapper mapper = new ObjectMapper();

  private SandboxSignerServer(
      LoopbackServer server, TestCertificateAuthority ca, Clock clock, String hostOrigin) {
    this.server = server;
    this.ca = ca;
    this.signer = new SandboxSigner(clock);
    this.hostOrigin = hostOrigin;
    server.route("/sandbox/sign", this::servePage);
    server.route("/sandbox/static/", SandboxSignerServer::serveStatic);
    server.route("/sandbox/api/sign", this::sign);
  }

  /**
   * Starts the sandbox signer on its own loopback port.
   *
   * @param hostOrigin origin of the host page (the only parent the page talks to)
   */
  public static SandboxSignerServer start(
      TestCertificateAuthority ca, Clock clock, String hostOrigin) throws IOException {
    return new SandboxSignerServer(LoopbackServer.start("sandbox-signer"), ca, clock, hostOrigin);
  }

  public String origin() {
    return server.origin();
  }

  /** The signing URL to configure the adapter with ({@code {lang}} is filled in per request). */
  public String signingUrlTemplate() {
    return server.origin() + "/sandbox/sign?lang={lang}";
  }

  private void servePage(HttpExchange exchange) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      LoopbackServer.sendText(exchange, 405, "method not allowed");
      return;
    }
    if (!"/sandbox/sign".equals(exchange.getRequestURI().getPath())) {
      LoopbackServer.sendText(exchange, 404, "not found");
      return;
    }
    UiLanguage language = language(exchange.getRequestURI().getRawQuery());
    Messages messages = new Messages(language);
    ObjectNode config = mapper.createObjectNode();
    config.put("hostOrigin", hostOrigin);
    config.put("signEndpoint", "/sandbox/api/sign");
    config.put("signedText", messages.get("signing.sandbox.signed"));
    config.put("failedText", messages.get("signing.sandbox.failed"));
    ArrayNode practitioners = config.putArray("practitioners");
    for (TestPractitioner p : ca.practitioners()) {
      practitioners.addObject().put("pinfl", p.pinfl()).put("name", p.displayName());
    }
    String html =
        LoopbackServer.resource("sandbox/sandbox.html").replace("{{lang}}", language.tag());
    for (String key :
        new String[] {
          "title", "notBinding", "document", "hash", "practitioner", "sign", "cancel", "waiting"
        }) {
      html = html.replace("{{" + key + "}}", escapeHtml(messages.get("signing.sandbox." + key)));
    }
    html = html.replace("{{config}}", LoopbackServer.jsonForHtml(config.toString()));
    LoopbackServer.send(
        exchange,
        200,
        "text/html",
        html.getBytes(StandardCharsets.UTF_8),
        Map.of(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                + "frame-ancestors "
                + hostOrigin
                + "; base-uri 'none'; form-action 'none'"));
  }

  private static void serveStatic(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (!"GET".equals(exchange.getRequestMethod())) {
      LoopbackServer.sendText(exchange, 405, "method not allowed");
    } else if (path.equals("/sandbox/static/sandbox.js")) {
      LoopbackServer.send(
          exchange,
          200,
          "text/javascript",
          LoopbackServer.resource("sandbox/sandbox.js").getBytes(StandardCharsets.UTF_8),
          Map.of());
    } else if (path.equals("/sandbox/static/sandbox.css")) {
      LoopbackServer.send(
          exchange,
          200,
          "text/css",
          LoopbackServer.resource("sandbox/sandbox.css").getBytes(StandardCharsets.UTF_8),
          Map.of());
    } else {
      LoopbackServer.sendText(exchange, 404, "not found");
    }
  }

  private void sign(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      LoopbackServer.sendText(exchange, 405, "method not allowed");
      return;
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin != null && !origin.equals(server.origin())) {
      LoopbackServer.sendText(exchange, 403, "forbidden origin");
      return;
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    // application/json cannot be sent cross-origin without a preflight we never answer.
    if (contentType == null
        || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      LoopbackServer.sendText(exchange, 415, "application/json expected");
      return;
    }
    Optional<JsonNode> body = readBody(exchange);
    if (body.isEmpty()) {
      LoopbackServer.sendText(exchange, 400, "bad request");
      return;
    }
    JsonNode request = body.get();
    String hash = request.path("hash").asText("");
    String documentId = request.path("documentId").asText("");
    String pinfl = request.path("pinfl").asText("");
    if (request.size() != 3
        || !HASH.matcher(hash).matches()
        || !DOCUMENT_ID.matcher(documentId).matches()
        || Base64.getUrlDecoder().decode(hash).length != 32) {
      LoopbackServer.sendText(exchange, 400, "bad request");
      return;
    }
    Optional<SigningCredential> credential = ca.credential(pinfl);
    if (credential.isEmpty()) {
      LoopbackServer.sendText(exchange, 404, "unknown test practitioner");
      return;
    }
    ObjectNode response = mapper.createObjectNode();
    response.put("jws", signer.signHash(credential.get(), hash, "Bundle/" + documentId));
    ArrayNode x5c = response.putArray("x5c");
    SandboxSigner.x5cStrings(credential.get().chain()).forEach(x5c::add);
    LoopbackServer.send(
        exchange, 200, "application/json", mapper.writeValueAsBytes(response), Map.of());
  }

  private Optional<JsonNode> readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        return Optional.empty();
      }
      JsonNode node = mapper.readTree(bytes);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      return Optional.empty();
    }
  }

  private static UiLanguage language(String rawQuery) {
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        if (pair.startsWith("lang=")) {
          String tag = java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
          return UiLanguage.fromTag(tag).orElse(UiLanguage.UZ_LATN);
        }
      }
    }
    return UiLanguage.UZ_LATN;
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Override
  public void close() {
    server.close();
  }
}
