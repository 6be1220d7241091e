package uz.dhp.forms.sync.sandbox;

import ca.uhn.fhir.rest.server.RestfulServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * A real HAPI FHIR JPA server (R5, H2) on 127.0.0.1. {@code main} prints {@code FHIR_BASE=<url>}
 * once it accepts requests. Started by the sync tests in a child JVM ({@link SandboxProcess}) and
 * by {@code mvn -Psandbox} for trying the app (docs/sandbox.md).
 *
 * <p>Arguments: {@code <port> [--exit-on-stdin-eof]}. With the flag the server stops when its
 * standard input closes, so a test JVM that dies (even by SIGKILL) never leaves it running.
 */
public final class SandboxServer implements AutoCloseable {

  private final AnnotationConfigApplicationContext spring;
  private final Server jetty;
  private final URI baseUrl;

  private SandboxServer(AnnotationConfigApplicationContext spring, Server jetty, URI baseUrl) {
    this.spring = spring;
    this.jetty = jetty;
    this.baseUrl = baseUrl;
  }

  /** Starts the server on {@code port} (0: any free port); returns when it accepts requests. */
  public static SandboxServer start(int port) throws Exception {
    AnnotationConfigApplicationContext spring =
        new AnnotationConfigApplicationContext(SandboxServerConfig.class);
    try {
      RestfulServer fhir = spring.getBean(RestfulServer.class);
      Server jetty = new Server();
      ServerConnector connector = new ServerConnector(jetty);
      connector.setHost("127.0.0.1");
      connector.setPort(port);
      jetty.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler();
      context.setContextPath("/");
      context.addServlet(new ServletHolder(fhir), "/fhir/*");
      jetty.setHandler(context);
      jetty.start();
      URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/fhir");
      return new SandboxServer(spring, jetty, base);
    } catch (Exception | Error e) {
      spring.close();
      throw e;
    }
  }

  public URI baseUrl() {
    return baseUrl;
  }

  @Override
  public void close() throws Exception {
    try {
      jetty.stop();
    } finally {
      spring.close();
    }
  }

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8085;
    boolean exitOnEof = args.length > 1 && args[1].equals("--exit-on-stdin-eof");
    long t0 = System.nanoTime();
    SandboxServer server = start(port);
    System.out.println("FHIR_BASE=" + server.baseUrl());
    System.out.println("Started in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server)));
    if (exitOnEof) {
      InputStream in = System.in;
      try {
        while (in.read() >= 0) {
          // The parent writes nothing; EOF means it is gone.
        }
      } catch (IOException e) {
        // Treated like EOF.
      }
      System.exit(0);
    }
    server.jetty.join();
  }

  private static void closeQuietly(SandboxServer server) {
    try {
      server.close();
    } catch (Exception e) {
      System.err.println("Stopping the sandbox server failed: " + e);
    }
  }
}
