package uz.dhp.forms.sync;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.StoreOpenOutcome;
import uz.dhp.forms.store.StoreOpener;
import uz.dhp.forms.sync.auth.AccessTokenSource;

/**
 * The "app" for {@link KillDuringSendTest}: opens the store, prints {@code READY}, and runs the
 * outbox worker until it is killed. Args: {@code <dataDir> <baseUrl> <seed>}.
 */
public final class OutboxChildMain {

  private OutboxChildMain() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    URI base = URI.create(args[1]);
    long seed = Long.parseLong(args[2]);
    Clock clock = Clock.systemUTC();
    StoreOpenOutcome opened = new StoreOpener(clock).open(dataDir);
    if (!(opened instanceof StoreOpenOutcome.Opened o)) {
      System.out.println("FAILED " + opened);
      System.exit(2);
      return;
    }
    Store store = o.store();
    ServerConfig config =
        ServerConfig.defaults(base)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2));
    DhpGateway gateway =
        new DhpGateway(config, FhirContext.forR5Cached(), AccessTokenSource.none());
    // Short backoff: the parent kills this process within a second anyway.
    BackoffPolicy backoff =
        new BackoffPolicy(
            Duration.ofMillis(20), Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(1));
    OutboxWorker worker =
        new OutboxWorker(
            store.outbox(),
            store.documents(),
            gateway,
            backoff,
            clock,
            new SplittableRandom(seed),
            e -> {});
    gateway.probe(); // warm the HTTP client up, so that the kill window covers real sending
    System.out.println("READY");
    System.out.flush();
    while (true) {
      StepResult r = worker.step();
      if (!(r instanceof StepResult.Attempted)) {
        Thread.sleep(10);
      }
    }
  }
}
