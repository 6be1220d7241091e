package uz.dhp.forms.form.ui;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Time and background work driven by the test, for view-model tests without a screen: scheduled
 * actions run when the test says so, and background work waits in a queue until released.
 */
final class ManualTime implements Scheduler, BackgroundWork {

  record Scheduled(Duration delay, Runnable action, boolean[] cancelled) {}

  final List<Scheduled> scheduled = new ArrayList<>();
  private final Deque<Runnable> work = new ArrayDeque<>();

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    boolean[] cancelled = {false};
    scheduled.add(new Scheduled(delay, action, cancelled));
    return () -> cancelled[0] = true;
  }

  /** Pending (not cancelled, not run) timers. */
  List<Scheduled> pending() {
    return scheduled.stream().filter(s -> !s.cancelled()[0]).toList();
  }

  /** Runs every pending timer once. */
  void fireTimers() {
    for (Scheduled s : pending()) {
      s.cancelled()[0] = true;
      s.action().run();
    }
  }

  @Override
  public <T> void run(Callable<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    work.add(
        () -> {
          T result;
          try {
            result = task.call();
          } catch (Exception e) {
            onFailure.accept(e);
            return;
          }
          onSuccess.accept(result);
        });
  }

  int queuedWork() {
    return work.size();
  }

  /** Runs the queued background work (and the result handlers, as the FX thread would). */
  void finishWork() {
    while (!work.isEmpty()) {
      work.poll().run();
    }
  }
}
