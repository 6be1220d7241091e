package uz.dhp.forms.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.store.BundleIdentifier;
import uz.dhp.forms.store.DocumentWrite;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxState;
import uz.dhp.forms.sync.sandbox.SandboxProcess;

/**
 * Kills the app (a child JVM running the outbox worker against the real server, through a proxy
 * that holds some answers back after the server committed) with SIGKILL at random moments while it
 * sends. After every kill each finalized document is sent or still pending; after a final restart
 * every one is on the server exactly once. {@code -Dsync.killRuns=N} for a longer run.
 */
class KillDuringSendTest {

  static final int RUNS = Integer.getInteger("sync.killRuns", 200);
  static final long SEED = Long.getLong("sync.killSeed", 8252L);
  static final int LANES = 4;
  static final int DOCS_PER_RUN = 3;

  @TempDir Path dir;

  @Test
  void killedWhileSendingNothingIsLostAndNothingIsDuplicated() throws Exception {
    var server = SandboxProcess.shared();
    List<BundleIdentifier> all = Collections.synchronizedList(new ArrayList<>());
    Map<OutboxState, Integer> seenAfterKill =
        Collections.synchronizedMap(new EnumMap<>(OutboxState.class));
    AtomicInteger runs = new AtomicInteger();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(LANES);
    List<Future<?>> lanes = new ArrayList<>();
    for (int lane = 0; lane < LANES; lane++) {
      int l = lane;
      lanes.add(pool.submit(() -> lane(l, server.baseUrl(), all, seenAfterKill, runs)));
    }
    pool.shutdown();
    for (Future<?> f : lanes) {
      f.get();
    }
    Map<String, Integer> copies = new java.util.HashMap<>();
    ServerInspector inspector = new ServerInspector(server.baseUrl(), SyncHarness.FHIR);
    for (int i = 0; i < all.size(); i += 100) {
      copies.putAll(inspector.copies(all.subList(i, Math.min(all.size(), i + 100))));
    }
    for (BundleIdentifier id : all) {
      assertThat(copies.getOrDefault(id.value(), 0)).as("copies of %s", id.value()).isEqualTo(1);
    }
    assertThat(runs.get()).isEqualTo(RUNS);
    System.out.printf(
        "KillDuringSendTest: %d kills, %d documents, states seen right after a kill %s, %d s%n",
        runs.get(), all.size(), seenAfterKill, (System.nanoTime() - t0) / 1_000_000_000);
  }

  private Void lane(
      int lane,
      URI base,
      List<BundleIdentifier> all,
      Map<OutboxState, Integer> seen,
      AtomicInteger runs)
      throws Exception {
    Path data = dir.resolve("lane-" + lane);
    SplittableRandom rnd = new SplittableRandom(SEED + lane);
    List<DocumentWrite> mine = new ArrayList<>();
    try (FaultProxy proxy = new FaultProxy(base, Duration.ofMillis(80), Duration.ofMillis(100))) {
      // Half of the answers come back late, after the server committed: a window to die in.
      SplittableRandom proxyRnd = new SplittableRandom(SEED * 7 + lane);
      proxy.otherwise(() -> proxyRnd.nextBoolean() ? Fault.SLOW_AFTER_COMMIT : Fault.PASS);
      int previous = -1;
      for (int run = lane; run < RUNS; run += LANES) {
        // One open per run: check what the previous kill left, then queue three more documents.
        try (var h = new SyncHarness(data, proxy.baseUrl(), Duration.ofSeconds(5), run)) {
          if (previous >= 0) {
            checkAfterKill(h, mine, previous, seen);
          }
          for (int i = 0; i < DOCS_PER_RUN; i++) {
            mine.add(h.queue(TestDocuments.valid("run-" + run)));
          }
        }
        killChildAfter(data, proxy.baseUrl(), run, rnd.nextInt(600));
        runs.incrementAndGet();
        previous = run;
      }
      // The last restart: everything left (including rows killed in "sending") is resolved.
      proxy.otherwise(() -> Fault.PASS);
      try (var h = new SyncHarness(data, base, Duration.ofSeconds(30), lane)) {
        checkAfterKill(h, mine, previous, seen);
        h.runToCompletion(10 * mine.size() + 10);
        for (DocumentWrite d : mine) {
          OutboxEntry e = h.store.outbox().find(d.id()).orElseThrow();
          assertThat(e.state()).isEqualTo(OutboxState.SENT);
          all.add(d.bundleIdentifier());
        }
      }
    }
    return null;
  }

  private static void checkAfterKill(
      SyncHarness h, List<DocumentWrite> mine, int run, Map<OutboxState, Integer> seen) {
    for (DocumentWrite d : mine) {
      OutboxEntry e = h.store.outbox().find(d.id()).orElseThrow();
      assertThat(e.state())
          .as("after kill %d: a finalized document is sent or still pending", run)
          .isIn(
              OutboxState.QUEUED, OutboxState.SENDING, OutboxState.WAITING_RETRY, OutboxState.SENT);
      seen.merge(e.state(), 1, Integer::sum);
    }
  }

  /** Skip the server-side jars (JPA, Spring, Jetty, H2 …): the child starts much faster. */
  private static String childClasspath() {
    List<String> heavy =
        List.of(
            "hapi-fhir-jpa",
            "hapi-fhir-storage",
            "hapi-fhir-server",
            "hapi-fhir-sql",
            "hapi-fhir-validation",
            "hibernate",
            "spring",
            "jetty",
            "h2-",
            "lucene",
            "elasticsearch",
            "javafx",
            "openjfx",
            "testfx",
            "controlsfx",
            "archunit",
            "jmh",
            "bcp",
            "bcprov",
            "bcutil",
            "jena",
            "quartz",
            "titanium",
            "swagger",
            "icu4j",
            "plantuml",
            "org.hl7.fhir.validation",
            "org.hl7.fhir.r4",
            "org.hl7.fhir.dstu",
            "org.hl7.fhir.convertors",
            "postgresql",
            "commons-dbcp2",
            "nimbus",
            "ucum",
            "thymeleaf",
            "flexmark");
    List<String> keep = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (heavy.stream().noneMatch(name::startsWith)) {
        keep.add(entry);
      }
    }
    return String.join(java.io.File.pathSeparator, keep);
  }

  private static void killChildAfter(Path data, URI base, int run, int delayMillis)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xshare:auto");
    cmd.add("-XX:-UsePerfData");
    cmd.add("-cp");
    cmd.add(childClasspath());
    cmd.add(OutboxChildMain.class.getName());
    cmd.add(data.toString());
    cmd.add(base.toString());
    cmd.add(Long.toString(run));
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      StringBuilder before = new StringBuilder();
      while ((line = out.readLine()) != null && !line.equals("READY")) {
        before.append(line).append('\n');
        if (line.startsWith("FAILED")) {
          throw new AssertionError("child could not open the store: " + line);
        }
      }
      if (line == null) {
        throw new AssertionError("the child ended before it was ready:\n" + before);
      }
      Thread.sleep(delayMillis);
      child.destroyForcibly(); // SIGKILL
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
  }
}
