package uz.dhp.forms.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.store.BundleIdentifier;
import uz.dhp.forms.store.DocumentWrite;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxState;
import uz.dhp.forms.sync.sandbox.SandboxProcess;

/**
 * Property: whatever the network does (random schedules of {@link Fault}s injected by a loopback
 * proxy in front of the real server), every document ends on the server exactly once per {@code
 * Bundle.identifier}, none is lost, and every outbox row ends sent or rejected with a reason.
 *
 * <p>Default: 1,000 seeded schedules. Long run: {@code -Dsync.faultSchedules=10000}, other seed:
 * {@code -Dsync.faultSeed=...} (docs/sandbox.md). Backoff waits pass on a test clock; only the
 * timeout faults cost real time, so the client timeout is short and those faults are rare. Half of
 * the lanes send with several threads at once.
 */
class FaultPropertyTest {

  static final int SCHEDULES = Integer.getInteger("sync.faultSchedules", 1000);
  static final long SEED = Long.getLong("sync.faultSeed", 20261126L);
  static final int LANES = 4;
  static final Duration TIMEOUT = Duration.ofMillis(700);
  static final Duration SLOW = Duration.ofMillis(60);
  static final Duration STALL = Duration.ofMillis(850);

  /** Fault weights: the timeout kinds cost real seconds, so they are the rarest. */
  private static final Map<Fault, Integer> WEIGHTS = new EnumMap<>(Fault.class);

  static {
    WEIGHTS.put(Fault.PASS, 4);
    WEIGHTS.put(Fault.DROP_BEFORE_FORWARD, 4);
    WEIGHTS.put(Fault.RESET_BEFORE_FORWARD, 4);
    WEIGHTS.put(Fault.LOST_AFTER_COMMIT, 6);
    WEIGHTS.put(Fault.RESET_AFTER_COMMIT, 5);
    WEIGHTS.put(Fault.TRUNCATED_AFTER_COMMIT, 4);
    WEIGHTS.put(Fault.HTTP_500, 4);
    WEIGHTS.put(Fault.HTTP_502_AFTER_COMMIT, 4);
    WEIGHTS.put(Fault.HTTP_503_RETRY_AFTER, 4);
    WEIGHTS.put(Fault.HTTP_429, 4);
    WEIGHTS.put(Fault.SLOW, 3);
    WEIGHTS.put(Fault.SLOW_AFTER_COMMIT, 2);
    WEIGHTS.put(Fault.TIMEOUT_BEFORE_FORWARD, 1);
    WEIGHTS.put(Fault.TIMEOUT_AFTER_COMMIT, 1);
    WEIGHTS.put(Fault.LATE_FORWARD, 1);
  }

  @TempDir Path dir;

  record Expectation(BundleIdentifier id, boolean valid) {}

  @Test
  void everyDocumentEndsOnTheServerExactlyOnceWhateverTheNetworkDoes() throws Exception {
    var server = SandboxProcess.shared();
    List<Expectation> expected = Collections.synchronizedList(new ArrayList<>());
    Map<Fault, Integer> injected = Collections.synchronizedMap(new EnumMap<>(Fault.class));
    long t0 = System.nanoTime();
    ExecutorService lanes = Executors.newFixedThreadPool(LANES);
    List<Future<?>> results = new ArrayList<>();
    for (int lane = 0; lane < LANES; lane++) {
      int l = lane;
      results.add(lanes.submit(() -> runLane(l, server.baseUrl(), expected, injected)));
    }
    lanes.shutdown();
    for (Future<?> f : results) {
      f.get();
    }
    // Let late duplicates (LATE_FORWARD, held past the client's timeout) reach the server first.
    Thread.sleep(STALL.toMillis() + 500);

    Map<String, Integer> copies = new java.util.HashMap<>();
    ServerInspector inspector = new ServerInspector(server.baseUrl(), SyncHarness.FHIR);
    for (int i = 0; i < expected.size(); i += 100) {
      List<BundleIdentifier> batch =
          expected.subList(i, Math.min(expected.size(), i + 100)).stream()
              .map(Expectation::id)
              .toList();
      copies.putAll(inspector.copies(batch));
    }
    for (Expectation e : expected) {
      assertThat(copies.getOrDefault(e.id().value(), 0))
          .as("copies of %s on the server", e.id().value())
          .isEqualTo(e.valid() ? 1 : 0);
    }
    System.out.printf(
        "FaultPropertyTest: %d schedules, %d documents, faults %s, %d s%n",
        SCHEDULES, expected.size(), injected, (System.nanoTime() - t0) / 1_000_000_000);
  }

  private Void runLane(
      int lane, java.net.URI base, List<Expectation> expected, Map<Fault, Integer> injected)
      throws IOException {
    try (FaultProxy proxy = new FaultProxy(base, SLOW, STALL);
        SyncHarness h =
            new SyncHarness(dir.resolve("lane-" + lane), proxy.baseUrl(), TIMEOUT, SEED + lane)) {
      for (int s = lane; s < SCHEDULES; s += LANES) {
        SplittableRandom rnd = new SplittableRandom(SEED * 31 + s);
        List<Fault> faults = faults(rnd);
        proxy.schedule(faults);
        int n = 1 + rnd.nextInt(3);
        int invalidAt = rnd.nextInt(20) == 0 ? rnd.nextInt(n) : -1;
        List<DocumentWrite> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          docs.add(
              h.queue(
                  i == invalidAt ? TestDocuments.invalid("s" + s) : TestDocuments.valid("s" + s)));
        }
        // Lanes 2 and 3 send with three threads at once, as the service does with a backlog.
        h.runToCompletion(200, lane >= 2 ? 3 : 1);
        for (int i = 0; i < n; i++) {
          DocumentWrite d = docs.get(i);
          OutboxEntry e = h.store.outbox().find(d.id()).orElseThrow();
          String context = "schedule " + s + " " + faults + " document " + i;
          if (i == invalidAt) {
            assertThat(e.state()).as(context).isEqualTo(OutboxState.REJECTED);
            assertThat(e.lastErrorKey()).as(context).isPresent();
            assertThat(e.outcomeJson()).as(context).isPresent();
          } else {
            assertThat(e.state()).as(context).isEqualTo(OutboxState.SENT);
            assertThat(e.serverId()).as(context).isPresent();
          }
          expected.add(new Expectation(d.bundleIdentifier(), i != invalidAt));
        }
      }
      proxy.injected().forEach((f, c) -> injected.merge(f, c, Integer::sum));
    }
    return null;
  }

  private static List<Fault> faults(SplittableRandom rnd) {
    int total = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
    int count = rnd.nextInt(6);
    List<Fault> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int pick = rnd.nextInt(total);
      for (Map.Entry<Fault, Integer> w : WEIGHTS.entrySet()) {
        pick -= w.getValue();
        if (pick < 0) {
          out.add(w.getKey());
          break;
        }
      }
    }
    return out;
  }
}
