package uz.dhp.forms.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.store.DocumentRepository;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxRepository;
import uz.dhp.forms.store.OutboxUpdate;

/**
 * Runs the {@link OutboxWorker} on one background thread (plus {@code parallelSends - 1} helpers
 * while a backlog drains): sends whatever is due, sleeps until the next row is due, and when the
 * server cannot be reached probes it ({@code GET [base]/metadata}) on a backoff schedule; once it
 * answers, every waiting row becomes due at once (automatic resume). The UI calls {@link
 * #sendNow()}, {@link #retry(String)}, {@link #status()} and {@link #entries} (each a short store
 * call: run them off the FX thread like every store call) and listens through {@link #addListener}.
 */
public final class OutboxService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxService.class);

  /** The worker looks at the queue at least this often, whatever the schedule says. */
  static final Duration MAX_SLEEP = Duration.ofSeconds(60);

  private final OutboxWorker worker;
  private final OutboxRepository outbox;
  private volatile DhpGateway gateway;
  private final BackoffPolicy probeBackoff;
  private final Clock clock;
  private final RandomGenerator random;
  private final int parallelSends;
  private final List<OutboxListener> listeners = new CopyOnWriteArrayList<>();
  private final Object monitor = new Object();

  // Guarded by monitor.
  private boolean wakeRequested;
  private boolean closed;
  private Thread thread;
  // Written by the worker thread only; read by status().
  private volatile ConnectivityState connectivity = ConnectivityState.UNKNOWN;
  private volatile Instant lastContact;
  private volatile Instant nextProbe = Instant.EPOCH;
  private volatile SyncMessage authProblem;
  private volatile boolean serverSwitched;
  private int failedProbes;

  public OutboxService(
      OutboxRepository outbox,
      DocumentRepository documents,
      DhpGateway gateway,
      BackoffPolicy sendBackoff,
      BackoffPolicy probeBackoff,
      Clock clock,
      RandomGenerator random,
      int parallelSends) {
    this.parallelSends = Math.max(1, parallelSends);
    this.outbox = outbox;
    this.gateway = gateway;
    this.probeBackoff = probeBackoff;
    this.clock = clock;
    this.random = random;
    this.worker =
        new OutboxWorker(
            outbox, documents, gateway, sendBackoff, clock, random, this::entryChanged);
  }

  /** Starts the background thread (daemon). Call once. */
  public void start() {
    synchronized (monitor) {
      if (thread != null) {
        throw new IllegalStateException("already started");
      }
      thread = new Thread(this::run, "outbox-worker");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** "Send now": every waiting row becomes due, and an offline server is probed at once. */
  public void sendNow() {
    outbox.retryAllNow();
    nextProbe = Instant.EPOCH;
    wake();
  }

  /** Per-document retry (also for a rejected row, e.g. after the server was fixed). */
  public OutboxUpdate retry(String documentId) {
    OutboxUpdate u = outbox.retryNow(documentId);
    if (u instanceof OutboxUpdate.Applied a) {
      entryChanged(a.entry());
    }
    nextProbe = Instant.EPOCH;
    wake();
    return u;
  }

  /**
   * The clinic chose another server: waiting documents go there from now on, at once, and what was
   * known about the old server's reachability and login is forgotten. Sent and rejected rows stay
   * as they are (the user can retry a rejected one).
   */
  public void switchServer(DhpGateway next) {
    worker.useGateway(next);
    gateway = next;
    serverSwitched = true;
    outbox.retryAllNow();
    nextProbe = Instant.EPOCH;
    wake();
  }

  /** A new document was queued (by the document layer): look at the queue now. */
  public void documentQueued() {
    wake();
  }

  public OutboxStatus status() {
    return new OutboxStatus(
        connectivity,
        outbox.counts(),
        outbox.nextDue(),
        Optional.ofNullable(lastContact),
        Optional.ofNullable(authProblem));
  }

  /** One page of the outbox for the view, newest first (a store read: not on the FX thread). */
  public List<OutboxEntry> entries(int limit, int offset) {
    return outbox.list(limit, offset);
  }

  /** Adds a listener; close the returned handle to remove it (views must, when they close). */
  public AutoCloseable addListener(OutboxListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public void close() {
    Thread t;
    synchronized (monitor) {
      closed = true;
      monitor.notifyAll();
      t = thread;
    }
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void wake() {
    synchronized (monitor) {
      wakeRequested = true;
      monitor.notifyAll();
    }
  }

  private void run() {
    while (!isClosed()) {
      Duration sleep;
      try {
        sleep = pass();
      } catch (RuntimeException e) {
        // A bug, not an expected failure: log once, keep the worker alive, back off.
        LOG.error("Outbox pass failed", e);
        sleep = Duration.ofSeconds(10);
      }
      publishStatus();
      sleepFor(sleep);
    }
  }

  /** One pass: probe if offline, then send until nothing is due. Returns how long to sleep. */
  Duration pass() {
    if (serverSwitched) {
      serverSwitched = false;
      failedProbes = 0;
      authProblem = null;
      setConnectivity(ConnectivityState.UNKNOWN);
    }
    if (connectivity == ConnectivityState.OFFLINE) {
      if (clock.instant().isBefore(nextProbe)) {
        return untilNext(nextProbe);
      }
      if (!gateway.probe()) {
        failedProbes++;
        nextProbe =
            clock.instant().plus(probeBackoff.delay(failedProbes, Optional.empty(), random));
        return untilNext(nextProbe);
      }
      failedProbes = 0;
      setConnectivity(ConnectivityState.ONLINE);
      int resumed = outbox.retryAllNow();
      LOG.info("Server reachable again; {} waiting documents resumed", resumed);
    }
    if (parallelSends > 1) {
      // Several requests in flight: on a slow link one round trip per document is the limit.
      OutboxWorker.DrainResult d = worker.drain(parallelSends);
      if (d.offline()) {
        goOffline();
        return untilNext(nextProbe);
      }
      if (d.attempted() > 0) {
        setConnectivity(ConnectivityState.ONLINE);
      }
    }
    while (!isClosed()) {
      StepResult r = worker.step();
      if (r instanceof StepResult.Attempted a) {
        noteAuth(a.outcome());
        if (a.offline()) {
          goOffline();
          return untilNext(nextProbe);
        }
        setConnectivity(ConnectivityState.ONLINE);
        continue;
      }
      if (r instanceof StepResult.Unresolved) {
        goOffline();
        return untilNext(nextProbe);
      }
      if (r instanceof StepResult.Idle idle) {
        return idle.nextDue().map(this::untilNext).orElse(MAX_SLEEP);
      }
      return Duration.ofSeconds(10); // store failure: try again a little later
    }
    return Duration.ZERO;
  }

  /** Sending is blocked by the login (not by the document): the status bar says so. */
  private void noteAuth(DeliveryOutcome outcome) {
    if (outcome instanceof DeliveryOutcome.Retry r
        && (r.reason().key().startsWith("sync.auth.")
            || r.reason().key().equals("sync.retry.unauthorized"))) {
      if (authProblem == null || !authProblem.equals(r.reason())) {
        authProblem = r.reason();
        publishStatus();
      }
    } else if (outcome instanceof DeliveryOutcome.Delivered && authProblem != null) {
      authProblem = null;
      publishStatus();
    }
  }

  private void goOffline() {
    failedProbes = Math.max(1, failedProbes + 1);
    nextProbe = clock.instant().plus(probeBackoff.delay(failedProbes, Optional.empty(), random));
    setConnectivity(ConnectivityState.OFFLINE);
  }

  private void setConnectivity(ConnectivityState s) {
    if (s == ConnectivityState.ONLINE) {
      lastContact = clock.instant();
    }
    if (connectivity != s) {
      connectivity = s;
      publishStatus();
    }
  }

  private Duration untilNext(Instant at) {
    Duration d = Duration.between(clock.instant(), at);
    if (d.isNegative()) {
      return Duration.ZERO;
    }
    return d.compareTo(MAX_SLEEP) > 0 ? MAX_SLEEP : d;
  }

  private void sleepFor(Duration d) {
    long deadline = System.nanoTime() + d.toNanos();
    synchronized (monitor) {
      while (!closed && !wakeRequested) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          monitor.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          closed = true;
        }
      }
      wakeRequested = false;
    }
  }

  private boolean isClosed() {
    synchronized (monitor) {
      return closed;
    }
  }

  private void entryChanged(OutboxEntry entry) {
    for (OutboxListener l : listeners) {
      try {
        l.entryChanged(entry);
      } catch (RuntimeException e) {
        LOG.warn("Outbox listener failed", e);
      }
    }
  }

  private void publishStatus() {
    if (listeners.isEmpty()) {
      return;
    }
    OutboxStatus s = status();
    for (OutboxListener l : listeners) {
      try {
        l.statusChanged(s);
      } catch (RuntimeException e) {
        LOG.warn("Outbox listener failed", e);
      }
    }
  }
}
