package uz.dhp.forms.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Runs work off the FX thread and delivers the outcome on it. The single abstraction for background
 * work in views; {@link #running()} feeds the busy indicator in the status bar.
 */
public final class TaskRunner implements AutoCloseable {

  private final ExecutorService executor;
  private final Consumer<Runnable> fxThread;
  private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
  private final AtomicInteger counter = new AtomicInteger();

  private TaskRunner(ExecutorService executor, Consumer<Runnable> fxThread) {
    this.executor = executor;
    this.fxThread = fxThread;
  }

  /** Background daemon threads; results on the FX application thread. */
  public static TaskRunner background() {
    AtomicInteger n = new AtomicInteger();
    return new TaskRunner(
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "dhp-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            }),
        Platform::runLater);
  }

  /** Number of tasks in flight, observable on the FX thread. */
  public ReadOnlyIntegerProperty running() {
    return running.getReadOnlyProperty();
  }

  /**
   * Runs {@code work} in the background; its outcome reaches {@code onSuccess} or {@code onFailure}
   * on the FX thread. After {@link #close()} (the window is going away) new work is dropped.
   */
  public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    if (executor.isShutdown()) {
      return;
    }
    running.set(counter.incrementAndGet());
    try {
      execute(work, onSuccess, onFailure);
    } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
      running.set(counter.decrementAndGet());
    }
  }

  private <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    executor.execute(
        () -> {
          T result;
          try {
            result = work.call();
          } catch (Exception | Error e) {
            fxThread.accept(
                () -> {
                  running.set(counter.decrementAndGet());
                  onFailure.accept(e);
                });
            return;
          }
          fxThread.accept(
              () -> {
                running.set(counter.decrementAndGet());
                onSuccess.accept(result);
              });
        });
  }

  @Override
  public void close() {
    executor.shutdown();
  }
}
