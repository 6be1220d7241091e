package uz.dhp.forms.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP/1.1 proxy in front of the real FHIR server that injects one scheduled {@link
 * Fault} per request (in arrival order; {@link Fault#PASS} once the schedule is used up). One
 * request per connection: it answers with {@code Connection: close}. A test double for the network
 * only; the server behind it is real.
 */
public final class FaultProxy implements AutoCloseable {

  private final URI upstream;
  private final Duration slow;
  private final Duration stall;
  private final ServerSocket listener;
  private final ExecutorService pool = Executors.newCachedThreadPool(daemon());
  private final Deque<Fault> schedule = new ArrayDeque<>();
  private final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
  private volatile boolean closed;

  /**
   * @param slow delay of {@link Fault#SLOW} (below the client's timeout)
   * @param stall hold time of the timeout faults (above the client's timeout)
   */
  public FaultProxy(URI upstreamBase, Duration slow, Duration stall) throws IOException {
    this(upstreamBase, slow, stall, 0);
  }

  /** On a given local port (0: any), e.g. to make a server "come back" where it was expected. */
  public FaultProxy(URI upstreamBase, Duration slow, Duration stall, int port) throws IOException {
    this.upstream = upstreamBase;
    this.slow = slow;
    this.stall = stall;
    this.listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    Thread accept = new Thread(this::acceptLoop, "fault-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  /** The proxy's FHIR base URL (same path as the upstream's). */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + upstream.getPath());
  }

  public synchronized void schedule(List<Fault> faults) {
    schedule.clear();
    schedule.addAll(faults);
  }

  synchronized int remaining() {
    return schedule.size();
  }

  synchronized Map<Fault, Integer> injected() {
    return new EnumMap<>(injected);
  }

  /** What to do once the schedule is used up (default {@link Fault#PASS}). */
  synchronized void otherwise(java.util.function.Supplier<Fault> fallback) {
    this.fallback = fallback;
  }

  private java.util.function.Supplier<Fault> fallback = () -> Fault.PASS;

  private synchronized Fault next() {
    Fault f = schedule.isEmpty() ? fallback.get() : schedule.removeFirst();
    injected.merge(f, 1, Integer::sum);
    return f;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        pool.execute(() -> handle(client));
      } catch (IOException e) {
        if (!closed) {
          System.err.println("fault proxy accept failed: " + e);
        }
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      client.setSoTimeout(30_000);
      byte[] request = readRequest(client.getInputStream());
      if (request == null) {
        return;
      }
      Fault fault = next();
      OutputStream out = client.getOutputStream();
      switch (fault) {
        case PASS -> out.write(forward(request));
        case DROP_BEFORE_FORWARD -> {}
        case RESET_BEFORE_FORWARD -> reset(client);
        case LOST_AFTER_COMMIT -> forward(request);
        case RESET_AFTER_COMMIT -> {
          forward(request);
          reset(client);
        }
        case TRUNCATED_AFTER_COMMIT -> {
          byte[] answer = forward(request);
          out.write(answer, 0, answer.length / 2);
        }
        case HTTP_500 -> out.write(synthetic(500, "Internal Server Error", null));
        case HTTP_502_AFTER_COMMIT -> {
          forward(request);
          out.write(synthetic(502, "Bad Gateway", null));
        }
        case HTTP_503_RETRY_AFTER -> out.write(synthetic(503, "Service Unavailable", "120"));
        case HTTP_429 -> out.write(synthetic(429, "Too Many Requests", "30"));
        case HTTP_409_CONFLICT -> out.write(synthetic(409, "Conflict", null, "conflict"));
        case SLOW -> {
          sleep(slow);
          out.write(forward(request));
        }
        case TIMEOUT_BEFORE_FORWARD -> sleep(stall);
        case TIMEOUT_AFTER_COMMIT -> {
          forward(request);
          sleep(stall);
        }
        case LATE_FORWARD -> {
          sleep(stall);
          forward(request);
        }
        case SLOW_AFTER_COMMIT -> {
          byte[] answer = forward(request);
          sleep(slow);
          out.write(answer);
        }
      }
      out.flush();
    } catch (IOException e) {
      // The client gave up (timeout) or the upstream failed: both are part of the game.
    }
  }

  private static void reset(Socket s) throws IOException {
    s.setSoLinger(true, 0);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends the request upstream with {@code Connection: close} and reads the whole answer. */
  private byte[] forward(byte[] request) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(upstream.getHost(), upstream.getPort()), 5_000);
      s.setSoTimeout(120_000);
      s.getOutputStream().write(request);
      s.getOutputStream().flush();
      return s.getInputStream().readAllBytes();
    }
  }

  private static byte[] synthetic(int status, String reason, String retryAfter) {
    return synthetic(status, reason, retryAfter, "transient");
  }

  private static byte[] synthetic(int status, String reason, String retryAfter, String issueCode) {
    String body =
        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
            + "\"code\":\""
            + issueCode
            + "\",\"diagnostics\":\"injected "
            + status
            + "\"}]}";
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder h = new StringBuilder();
    h.append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
    h.append("Content-Type: application/fhir+json\r\n");
    h.append("Content-Length: ").append(b.length).append("\r\n");
    if (retryAfter != null) {
      h.append("Retry-After: ").append(retryAfter).append("\r\n");
    }
    h.append("Connection: close\r\n\r\n");
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
    all.writeBytes(b);
    return all.toByteArray();
  }

  /**
   * Reads one request (headers + Content-Length body) and returns it rewritten for the upstream:
   * {@code Connection: close} instead of the client's connection headers. Null on EOF.
   */
  private byte[] readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int c = in.read();
      if (c < 0) {
        return null;
      }
      head.write(c);
      state =
          (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
              ? state + 1
              : (c == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
    StringBuilder out = new StringBuilder(lines[0]).append("\r\n");
    int length = 0;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      String name =
          line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
      if (name.equals("content-length")) {
        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
      }
      if (name.equals("connection") || name.equals("upgrade") || name.equals("http2-settings")) {
        continue;
      }
      out.append(line).append("\r\n");
    }
    out.append("Connection: close\r\n\r\n");
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(out.toString().getBytes(StandardCharsets.US_ASCII));
    all.writeBytes(in.readNBytes(length));
    return all.toByteArray();
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "fault-proxy");
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    pool.shutdownNow();
  }
}
