package uz.dhp.forms.sync;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.DocumentSaveOutcome;
import uz.dhp.forms.store.DocumentWrite;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.StoreOpenOutcome;
import uz.dhp.forms.store.StoreOpener;
import uz.dhp.forms.support.ManualClock;
import uz.dhp.forms.sync.auth.AccessTokenSource;

/** A real store in a temp directory, a gateway to {@code base}, and a worker on a test clock. */
final class SyncHarness implements AutoCloseable {

  /** One R5 context for all sync tests of the JVM, as in the app. */
  static final FhirContext FHIR = FhirContext.forR5Cached();

  final ManualClock clock = new ManualClock();
  final Store store;
  final DhpGateway gateway;
  final OutboxWorker worker;

  SyncHarness(Path dir, URI base, Duration requestTimeout, long seed) {
    this(
        dir,
        ServerConfig.defaults(base)
            .withTimeouts(Duration.ofSeconds(2), requestTimeout, requestTimeout),
        seed);
  }

  SyncHarness(Path dir, ServerConfig config, long seed) {
    StoreOpenOutcome opened = new StoreOpener(clock).open(dir);
    assertThat(opened).isInstanceOf(StoreOpenOutcome.Opened.class);
    store = ((StoreOpenOutcome.Opened) opened).store();
    gateway = new DhpGateway(config, FHIR, AccessTokenSource.none());
    worker =
        new OutboxWorker(
            store.outbox(),
            store.documents(),
            gateway,
            BackoffPolicy.defaults(),
            clock,
            new SplittableRandom(seed),
            e -> {});
  }

  DocumentWrite queue(DocumentWrite doc) {
    assertThat(store.documents().storeAndQueue(doc, Actor.SYSTEM))
        .isInstanceOf(DocumentSaveOutcome.Queued.class);
    return doc;
  }

  /**
   * Runs the worker until no row is pending, moving the test clock to each next due time instead of
   * sleeping. Fails after {@code maxSteps} steps (a retry storm or a stuck row).
   */
  void runToCompletion(int maxSteps) {
    runToCompletion(maxSteps, 1);
  }

  /** As above, with {@code parallel} threads sending whatever is due at each moment. */
  void runToCompletion(int maxSteps, int parallel) {
    for (int i = 0; i < maxSteps; i++) {
      if (parallel > 1) {
        i += worker.drain(parallel).attempted();
      }
      StepResult r = worker.step();
      if (r instanceof StepResult.Idle idle) {
        if (idle.nextDue().isEmpty()) {
          return;
        }
        clock.advanceTo(idle.nextDue().get());
      } else if (r instanceof StepResult.Unresolved) {
        clock.advance(Duration.ofSeconds(5));
      } else if (r instanceof StepResult.StoreFailed f) {
        throw new AssertionError("store failed: " + f.detail());
      }
    }
    throw new AssertionError("outbox not drained after " + maxSteps + " steps");
  }

  @Override
  public void close() {
    store.close();
  }
}
