package uz.dhp.forms.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.DocumentWrite;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxState;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.StoreOpenOutcome;
import uz.dhp.forms.store.StoreOpener;
import uz.dhp.forms.sync.auth.AccessTokenSource;
import uz.dhp.forms.sync.sandbox.SandboxProcess;

/**
 * The background service on real time: offline at first (nothing listens at the server address),
 * then the server "comes back" at that address and the queue drains by itself — no user action.
 */
class OutboxServiceTest {

  @TempDir Path dir;

  @Test
  void resumesAutomaticallyWhenTheServerBecomesReachableAndReportsItsState() throws Exception {
    var server = SandboxProcess.shared();
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI base = URI.create("http://127.0.0.1:" + port + server.baseUrl().getPath());
    Clock clock = Clock.systemUTC();
    StoreOpenOutcome opened = new StoreOpener(clock).open(dir);
    try (Store store = ((StoreOpenOutcome.Opened) opened).store()) {
      ServerConfig config =
          ServerConfig.defaults(base)
              .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(1));
      DhpGateway gateway = new DhpGateway(config, SyncHarness.FHIR, AccessTokenSource.none());
      // Short waits so the test takes seconds: retry after 2–4 s, probe every ≤ 300 ms.
      BackoffPolicy send =
          new BackoffPolicy(
              Duration.ofSeconds(2),
              Duration.ofSeconds(4),
              Duration.ofSeconds(2),
              Duration.ofSeconds(4));
      BackoffPolicy probe =
          new BackoffPolicy(
              Duration.ofMillis(100),
              Duration.ofMillis(300),
              Duration.ofMillis(50),
              Duration.ofSeconds(1));
      List<OutboxStatus> statuses = new CopyOnWriteArrayList<>();
      List<OutboxEntry> changes = new CopyOnWriteArrayList<>();
      try (OutboxService service =
          new OutboxService(
              store.outbox(),
              store.documents(),
              gateway,
              send,
              probe,
              clock,
              new SplittableRandom(5),
              2)) {
        AutoCloseable subscription =
            service.addListener(
                new OutboxListener() {
                  @Override
                  public void statusChanged(OutboxStatus status) {
                    statuses.add(status);
                  }

                  @Override
                  public void entryChanged(OutboxEntry entry) {
                    changes.add(entry);
                  }
                });
        DocumentWrite a = TestDocuments.valid("a");
        DocumentWrite b = TestDocuments.valid("b");
        store.documents().storeAndQueue(a, Actor.SYSTEM);
        store.documents().storeAndQueue(b, Actor.SYSTEM);
        service.start();

        await(() -> service.status().connectivity() == ConnectivityState.OFFLINE, 20);
        assertThat(service.status().queueSize()).isEqualTo(2);
        assertThat(store.outbox().find(a.id()).orElseThrow().lastErrorKey())
            .hasValue("sync.retry.offline");

        try (FaultProxy back =
            new FaultProxy(server.baseUrl(), Duration.ZERO, Duration.ZERO, port)) {
          await(() -> store.outbox().counts().sent() == 2, 60);
        }
        assertThat(service.status().connectivity()).isEqualTo(ConnectivityState.ONLINE);
        assertThat(service.status().queueSize()).isZero();
        assertThat(statuses).anyMatch(s -> s.connectivity() == ConnectivityState.OFFLINE);
        assertThat(changes)
            .extracting(OutboxEntry::state)
            .contains(OutboxState.SENDING, OutboxState.WAITING_RETRY, OutboxState.SENT);
        subscription.close();
      }
    }
  }

  @Test
  void aServerChosenInTheSettingsGetsTheWaitingDocumentsAtOnceWithoutARestart() throws Exception {
    var server = SandboxProcess.shared();
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    Clock clock = Clock.systemUTC();
    StoreOpenOutcome opened = new StoreOpener(clock).open(dir);
    try (Store store = ((StoreOpenOutcome.Opened) opened).store()) {
      Duration timeout = Duration.ofSeconds(10);
      DhpGateway nowhere =
          new DhpGateway(
              ServerConfig.defaults(URI.create("http://127.0.0.1:" + deadPort + "/fhir"))
                  .withTimeouts(Duration.ofSeconds(1), timeout, Duration.ofSeconds(1)),
              SyncHarness.FHIR,
              AccessTokenSource.none());
      // The old server is probed only every 10 minutes: only the switch can make this quick.
      BackoffPolicy slow =
          new BackoffPolicy(
              Duration.ofMinutes(10),
              Duration.ofMinutes(10),
              Duration.ofMinutes(10),
              Duration.ofMinutes(10));
      try (OutboxService service =
          new OutboxService(
              store.outbox(),
              store.documents(),
              nowhere,
              slow,
              slow,
              clock,
              new SplittableRandom(7),
              1)) {
        DocumentWrite doc = TestDocuments.valid("switch");
        store.documents().storeAndQueue(doc, Actor.SYSTEM);
        service.start();
        await(() -> service.status().connectivity() == ConnectivityState.OFFLINE, 20);
        assertThat(store.outbox().find(doc.id()).orElseThrow().state())
            .isEqualTo(OutboxState.WAITING_RETRY);

        service.switchServer(
            new DhpGateway(
                ServerConfig.defaults(server.baseUrl())
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30), timeout),
                SyncHarness.FHIR,
                AccessTokenSource.none()));

        await(() -> store.outbox().counts().sent() == 1, 60);
        OutboxEntry sent = store.outbox().find(doc.id()).orElseThrow();
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.serverId()).isPresent();
        assertThat(service.status().connectivity()).isEqualTo(ConnectivityState.ONLINE);
      }
    }
  }

  private static void await(java.util.function.BooleanSupplier condition, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within " + seconds + " s");
      }
      Thread.sleep(50);
    }
  }
}
