package uz.dhp.forms.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.store.DocumentRepository;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxRepository;
import uz.dhp.forms.store.OutboxUpdate;
import uz.dhp.forms.store.StoreException;
import uz.dhp.forms.store.StoredDocument;

/**
 * The outbox state machine, one synchronous step at a time (no threads of its own; {@link
 * OutboxService} runs it in the background, tests drive it with a test clock):
 *
 * <pre>
 * queued ─claim─► sending ─2xx─► sent
 *    ▲               ├──4xx───► rejected (OperationOutcome kept)
 *    │               └─retry──► waiting_retry ─due─► (claim again)
 *    └─restart: a row still "sending" is looked up on the server first: found ► sent, absent ► queued
 * </pre>
 *
 * The claim is committed before the request goes out, and the result after it came back; a crash in
 * between leaves {@code sending}, which the next step resolves by asking the server. Because every
 * POST is a conditional create on {@code Bundle.identifier}, even a resend after a lost answer
 * creates nothing twice.
 */
public final class OutboxWorker {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

  private final OutboxRepository outbox;
  private final DocumentRepository documents;
  // Replaced when the clinic switches servers (OutboxService.switchServer).
  private volatile DhpGateway gateway;
  private final BackoffPolicy backoff;
  private final Clock clock;
  private final RandomGenerator random;
  private final Consumer<OutboxEntry> onChange;
  // Rows this worker has claimed and not yet settled; several threads may step() at once.
  private final Set<String> mine = ConcurrentHashMap.newKeySet();
  private final Object claimLock = new Object();

  public OutboxWorker(
      OutboxRepository outbox,
      DocumentRepository documents,
      DhpGateway gateway,
      BackoffPolicy backoff,
      Clock clock,
      RandomGenerator random,
      Consumer<OutboxEntry> onChange) {
    this.outbox = outbox;
    this.documents = documents;
    this.gateway = gateway;
    this.backoff = backoff;
    this.clock = clock;
    this.random = random;
    this.onChange = onChange;
  }

  /** Sends through {@code next} from the next step on (a step under way finishes on the old). */
  void useGateway(DhpGateway next) {
    gateway = next;
  }

  /**
   * Resolves rows left in {@code sending} (by a crash: this worker never leaves one behind), then
   * sends the oldest due row. Never throws for expected failures.
   */
  public StepResult step() {
    try {
      Optional<OutboxEntry> claimed;
      // Resolution and claim under one lock: a row another thread has just claimed is in "mine"
      // before anyone can mistake it for a crash leftover.
      synchronized (claimLock) {
        int unresolved = resolveInFlight();
        if (unresolved > 0) {
          return new StepResult.Unresolved(unresolved);
        }
        claimed = outbox.claimNextDue();
        claimed.ifPresent(e -> mine.add(e.documentId()));
      }
      if (claimed.isEmpty()) {
        return new StepResult.Idle(outbox.nextDue());
      }
      OutboxEntry entry = claimed.get();
      try {
        return send(entry);
      } finally {
        mine.remove(entry.documentId());
      }
    } catch (StoreException e) {
      LOG.warn("Outbox step failed in the store: {}", e.getMessage());
      return new StepResult.StoreFailed(e.getMessage());
    }
  }

  private StepResult send(OutboxEntry entry) {
    onChange.accept(entry);
    Optional<StoredDocument> doc = documents.find(entry.documentId());
    if (doc.isEmpty()) {
      // Impossible with the foreign key; kept as a value so one bad row cannot stop the queue.
      return applied(entry, rejectMissing(entry));
    }
    DeliveryOutcome outcome = gateway.send(doc.get());
    return applied(entry, outcome);
  }

  private DeliveryOutcome rejectMissing(OutboxEntry entry) {
    return new DeliveryOutcome.Rejected(
        0,
        SyncMessage.of("sync.rejected.missingDocument"),
        ServerOutcome.empty(),
        "document row missing for outbox row " + entry.seq());
  }

  private StepResult applied(OutboxEntry entry, DeliveryOutcome outcome) {
    OutboxUpdate update;
    if (outcome instanceof DeliveryOutcome.Delivered d) {
      update = outbox.markSent(entry.documentId(), d.serverId(), d.location(), d.httpStatus());
    } else if (outcome instanceof DeliveryOutcome.Rejected r) {
      update =
          outbox.markRejected(
              entry.documentId(), r.httpStatus(), r.reason().key(), r.detail(), r.outcome().json());
    } else {
      DeliveryOutcome.Retry r = (DeliveryOutcome.Retry) outcome;
      Duration wait;
      synchronized (random) { // SplittableRandom and friends are not thread-safe
        wait = backoff.delay(entry.attempts(), r.retryAfter(), random);
      }
      update =
          outbox.markRetry(
              entry.documentId(),
              clock.instant().plus(wait),
              r.reason().key(),
              r.detail(),
              r.httpStatus());
    }
    LOG.debug(
        "Outbox document {} attempt {}: {}",
        entry.documentId(),
        entry.attempts(),
        outcome.getClass().getSimpleName());
    if (update instanceof OutboxUpdate.Applied a) {
      onChange.accept(a.entry());
      return new StepResult.Attempted(a.entry(), outcome);
    }
    if (update instanceof OutboxUpdate.NotApplicable n) {
      return new StepResult.StoreFailed(n.reason());
    }
    return new StepResult.StoreFailed(((OutboxUpdate.Failed) update).failure().detail());
  }

  /** Returns how many in-flight rows are still unresolved (the server could not be asked). */
  private int resolveInFlight() {
    int unresolved = 0;
    for (OutboxEntry e : outbox.inFlight()) {
      if (mine.contains(e.documentId())) {
        continue;
      }
      LookupOutcome found = gateway.lookup(e.bundleIdentifier());
      OutboxUpdate update = null;
      if (found instanceof LookupOutcome.Found f) {
        String id = f.serverIds().get(0);
        update = outbox.markSent(e.documentId(), id, "Bundle/" + id, 200);
      } else if (found instanceof LookupOutcome.NotFound) {
        update = outbox.requeueInFlight(e.documentId());
      }
      if (update == null) {
        unresolved++;
      } else if (update instanceof OutboxUpdate.Applied a) {
        LOG.info(
            "Outbox document {} resolved after restart: {}", e.documentId(), a.entry().state());
        onChange.accept(a.entry());
      }
    }
    return unresolved;
  }

  /** Runs steps until nothing is due now; for tests and the benchmark. Returns the steps run. */
  public int drainDue() {
    return drain(1).attempted();
  }

  /** What {@link #drain} did: rows attempted, and whether it stopped because of no connection. */
  public record DrainResult(int attempted, boolean offline) {}

  /**
   * Sends until nothing is due, with {@code parallel} threads sending at once (each document is a
   * self-contained Bundle, so their order on the server does not matter). Stops early when the
   * server is unreachable.
   */
  public DrainResult drain(int parallel) {
    if (parallel <= 1) {
      int steps = 0;
      while (true) {
        StepResult r = step();
        if (!(r instanceof StepResult.Attempted a)) {
          return new DrainResult(steps, false);
        }
        steps++;
        if (a.offline()) {
          return new DrainResult(steps, true);
        }
      }
    }
    AtomicInteger steps = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicBoolean offline = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < parallel; i++) {
      Thread t =
          new Thread(
              () -> {
                while (!stop.get()) {
                  StepResult r = step();
                  if (!(r instanceof StepResult.Attempted a)) {
                    return;
                  }
                  steps.incrementAndGet();
                  if (a.offline()) {
                    offline.set(true);
                    stop.set(true);
                  }
                }
              },
              "outbox-send-" + i);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop.set(true);
      }
    }
    return new DrainResult(steps.get(), offline.get());
  }

  Instant now() {
    return clock.instant();
  }
}
