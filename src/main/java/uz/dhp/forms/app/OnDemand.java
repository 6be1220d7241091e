package uz.dhp.forms.app;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Slow work that starts on first request, on its own low-priority daemon thread, once. Used for the
 * FHIR services, so that they do not compete with the first frame for the CPU.
 */
final class OnDemand<T> {

  private final String threadName;
  private final Supplier<T> work;
  private CompletableFuture<T> future;

  OnDemand(String threadName, Supplier<T> work) {
    this.threadName = threadName;
    this.work = work;
  }

  /** Starts the work unless it has started; the same future every time. */
  synchronized CompletableFuture<T> start() {
    if (future == null) {
      future =
          CompletableFuture.supplyAsync(
              work,
              r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                t.setPriority(Thread.NORM_PRIORITY - 1);
                t.start();
              });
    }
    return future;
  }

  /** The result if the work has started and finished successfully. */
  synchronized java.util.Optional<T> ifReady() {
    return future != null && future.isDone() && !future.isCompletedExceptionally()
        ? java.util.Optional.of(future.join())
        : java.util.Optional.empty();
  }

  /** The work's future if it has started. */
  synchronized java.util.Optional<CompletableFuture<T>> ifStarted() {
    return java.util.Optional.ofNullable(future);
  }
}
