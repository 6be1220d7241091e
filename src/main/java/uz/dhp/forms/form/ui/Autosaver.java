package uz.dhp.forms.form.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.form.ui.DraftSink.SaveOutcome;

/**
 * Gets every change to the draft sink within {@link #DEBOUNCE} plus the time of one save. Changes
 * are counted in generations; one save is in flight at a time and always carries the newest
 * snapshot, so a burst of typing costs at most two saves. A failed save keeps the answers in memory
 * (they live in the session) and retries with a growing delay. All methods run on the FX thread.
 */
final class Autosaver {

  private static final Logger LOG = LoggerFactory.getLogger(Autosaver.class);
  static final Duration DEBOUNCE = Duration.ofMillis(250);
  static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  static final Duration MAX_RETRY = Duration.ofSeconds(30);

  private record Waiter(long generation, CompletableFuture<SaveOutcome> future) {}

  private final Supplier<String> snapshot;
  private final DraftSink sink;
  private final BackgroundWork work;
  private final Scheduler scheduler;
  private final Clock clock;
  private final ReadOnlyObjectWrapper<SaveStatus> status =
      new ReadOnlyObjectWrapper<>(new SaveStatus.Clean());
  private final List<Waiter> waiters = new ArrayList<>();

  private long generation;
  private long savedGeneration;
  private boolean inFlight;
  private Duration retryDelay = FIRST_RETRY;
  private Scheduler.@Nullable Cancellable pending;
  private int saves;
  private boolean closed;

  Autosaver(
      Supplier<String> snapshot,
      DraftSink sink,
      BackgroundWork work,
      Scheduler scheduler,
      Clock clock) {
    this.snapshot = snapshot;
    this.sink = sink;
    this.work = work;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  ReadOnlyObjectProperty<SaveStatus> statusProperty() {
    return status.getReadOnlyProperty();
  }

  boolean isDirty() {
    return generation != savedGeneration;
  }

  /** Number of saves handed to the sink so far (for tests and the benchmark). */
  int saveCount() {
    return saves;
  }

  /** An answer changed: save within the debounce (not restarted by further typing). */
  void changed() {
    generation++;
    if (!(status.get() instanceof SaveStatus.Failed)) {
      status.set(new SaveStatus.Saving());
    }
    if (pending == null && !inFlight) {
      pending = scheduler.schedule(DEBOUNCE, this::saveNow);
    }
  }

  /** Saves now if anything is unsaved (Ctrl+S, focus leaving the editor). */
  void saveNow() {
    cancelPending();
    if (inFlight || !isDirty() || closed) {
      return;
    }
    long g = generation;
    String json = snapshot.get();
    inFlight = true;
    saves++;
    try {
      work.run(() -> sink.save(json), outcome -> finished(g, outcome), error -> failed(g, error));
    } catch (RuntimeException e) {
      failed(g, e);
    }
  }

  private void failed(long g, Throwable error) {
    LOG.warn("Draft save failed unexpectedly", error);
    finished(
        g,
        new SaveOutcome.Failed(
            "form.ui.save.unexpected", List.of(error.getClass().getSimpleName())));
  }

  /** Stops timers and further saves (after the last flush, when the editor goes away). */
  void close() {
    closed = true;
    cancelPending();
  }

  /**
   * Saves the newest state and completes when it is stored (or the save failed). Completes on the
   * FX thread: do not block the FX thread waiting for it.
   */
  CompletableFuture<SaveOutcome> flush() {
    if (!isDirty() && !inFlight) {
      return CompletableFuture.completedFuture(new SaveOutcome.Saved());
    }
    CompletableFuture<SaveOutcome> f = new CompletableFuture<>();
    waiters.add(new Waiter(generation, f));
    saveNow();
    return f;
  }

  private void finished(long g, SaveOutcome outcome) {
    inFlight = false;
    if (outcome instanceof SaveOutcome.Saved) {
      savedGeneration = Math.max(savedGeneration, g);
      retryDelay = FIRST_RETRY;
      complete(w -> w.generation <= g, outcome);
      if (isDirty()) {
        // Typed during the save: go again at once with the newest state.
        saveNow();
      } else {
        status.set(new SaveStatus.Saved(LocalTime.now(clock).truncatedTo(ChronoUnit.SECONDS)));
      }
      return;
    }
    SaveOutcome.Failed f = (SaveOutcome.Failed) outcome;
    status.set(new SaveStatus.Failed(f.reasonKey(), f.args()));
    complete(w -> true, outcome);
    cancelPending();
    if (closed) {
      return;
    }
    pending = scheduler.schedule(retryDelay, this::saveNow);
    Duration next = retryDelay.multipliedBy(2);
    retryDelay = next.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : next;
  }

  private void complete(java.util.function.Predicate<Waiter> which, SaveOutcome outcome) {
    List<Waiter> done = new ArrayList<>();
    for (Waiter w : waiters) {
      if (which.test(w)) {
        done.add(w);
      }
    }
    waiters.removeAll(done);
    done.forEach(w -> w.future.complete(outcome));
  }

  private void cancelPending() {
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
  }
}
