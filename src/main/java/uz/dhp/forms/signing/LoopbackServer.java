package uz.dhp.forms.signing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server bound to 127.0.0.1 on an ephemeral port, for the pages of the signing
 * ceremony. Each server is its own web origin ({@code http://127.0.0.1:<port>}).
 */
public final class LoopbackServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LoopbackServer.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private LoopbackServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a server on 127.0.0.1 with an ephemeral port; {@code name} names its threads. */
  public static LoopbackServer start(String name) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
    return new LoopbackServer(server, executor);
  }

  /** {@code http://127.0.0.1:<port>}: the web origin of every page this server serves. */
  public String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Handles every path under {@code prefix}; handler exceptions become a 500 without details. */
  public void route(String prefix, HttpHandler handler) {
    server.createContext(
        prefix,
        exchange -> {
          try (exchange) {
            handler.handle(exchange);
          } catch (IOException | RuntimeException e) {
            LOG.warn("loopback request failed: {}", e.getClass().getSimpleName());
            try {
              send(exchange, 500, "text/plain", "error".getBytes(StandardCharsets.UTF_8), Map.of());
            } catch (IOException | RuntimeException ignored) {
              // The response may already be committed; the exchange is closed anyway.
            }
          }
        });
  }

  /** Sends a complete response with the security headers every signing page needs. */
  public static void send(
      HttpExchange exchange,
      int status,
      String contentType,
      byte[] body,
      Map<String, String> headers)
      throws IOException {
    var h = exchange.getResponseHeaders();
    h.set("Content-Type", contentType + "; charset=utf-8");
    h.set("Cache-Control", "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    headers.forEach(h::set);
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  public static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    send(exchange, status, "text/plain", text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** A text resource next to the signing classes ({@code uz/dhp/forms/signing/<name>}). */
  public static String resource(String name) {
    try (InputStream in = LoopbackServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON embedded in an HTML {@code <script type="application/json">}: no way to close the tag. */
  public static String jsonForHtml(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
