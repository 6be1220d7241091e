package uz.dhp.forms.sync.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real FHIR server shared by every sync test class of one test JVM: started lazily, once, as a
 * child JVM with the flags that start it fastest (docs/sandbox.md), and stopped when the test JVM
 * exits. It runs in its own JVM so that its ~0.7 GB heap and start-up JIT work do not disturb the
 * other tests; with {@code --exit-on-stdin-eof} it also stops if the test JVM is killed.
 */
public final class SandboxProcess {

  /** Generous: on a loaded 2-core machine the start was seen at 133 s. */
  private static final long START_TIMEOUT_SECONDS = 420;

  private static SandboxProcess shared;

  private final Process process;
  private final URI baseUrl;
  private final long startMillis;
  private final Path dataDir;

  private SandboxProcess(Process process, URI baseUrl, long startMillis, Path dataDir) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.startMillis = startMillis;
    this.dataDir = dataDir;
  }

  /**
   * The shared server, started on first use; or, with {@code -Dsync.fhirBase=<url>}, a server that
   * is already running (for quick local iterations and for CI setups that start it separately).
   */
  public static synchronized SandboxProcess shared() {
    String external = System.getProperty("sync.fhirBase");
    if (shared == null && external != null && !external.isBlank()) {
      shared = new SandboxProcess(null, URI.create(external), 0, null);
      return shared;
    }
    if (shared != null && shared.process == null) {
      return shared;
    }
    if (shared == null) {
      shared = start();
      SandboxProcess s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "sandbox-stop"));
    }
    if (!shared.process.isAlive()) {
      throw new IllegalStateException(
          "the sandbox FHIR server died; see target/sandbox-server.log");
    }
    return shared;
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** How long the start took (for the report). */
  public long startMillis() {
    return startMillis;
  }

  private static SandboxProcess start() {
    long t0 = System.nanoTime();
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("dhp-sandbox-h2");
    } catch (IOException e) {
      throw new IllegalStateException("no temporary directory for the sandbox database", e);
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    // H2 on disk, not in memory: an in-memory H2 keeps every stored document in the server's
    // heap, and a few thousand 85 KB documents exhaust -Xmx1g (seen: old gen 100 %, 376 full GCs).
    cmd.add(
        "-D"
            + SandboxServerConfig.JDBC_URL_PROPERTY
            + "=jdbc:h2:file:"
            + dataDir.resolve("fhir").toAbsolutePath()
            + ";DB_CLOSE_DELAY=-1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(SandboxServer.class.getName());
    cmd.add("0");
    cmd.add("--exit-on-stdin-eof");
    Path log = Path.of("target", "sandbox-server.log");
    try {
      Files.createDirectories(log.getParent());
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      CompletableFuture<URI> base = new CompletableFuture<>();
      Thread pump =
          new Thread(
              () -> {
                try (BufferedReader r =
                        new BufferedReader(
                            new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    PrintStream out =
                        new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    out.println(line);
                    if (line.startsWith("FHIR_BASE=")) {
                      base.complete(URI.create(line.substring("FHIR_BASE=".length()).trim()));
                    }
                  }
                } catch (IOException e) {
                  base.completeExceptionally(e);
                }
                base.completeExceptionally(new IOException("sandbox server exited"));
              },
              "sandbox-log");
      pump.setDaemon(true);
      pump.start();
      URI uri = base.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.println("Sandbox FHIR server " + uri + " started in " + ms + " ms");
      return new SandboxProcess(p, uri, ms, dataDir);
    } catch (Exception e) {
      throw new IllegalStateException(
          "the sandbox FHIR server did not start; see " + log.toAbsolutePath(), e);
    }
  }

  private void stop() {
    try (OutputStream in = process.getOutputStream()) {
      in.flush();
    } catch (IOException e) {
      // Closing stdin is the stop signal; failing to close means it is gone already.
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteQuietly(dataDir);
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // A temp directory left behind is harmless.
    }
  }
}
