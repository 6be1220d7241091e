package uz.dhp.forms.form.ui;

import java.time.Duration;
import javafx.animation.PauseTransition;

/** Runs an action later on the FX thread (debounce, retry); tests drive time by hand. */
@FunctionalInterface
public interface Scheduler {

  /** Runs {@code action} after {@code delay} unless the returned handle is cancelled first. */
  Cancellable schedule(Duration delay, Runnable action);

  @FunctionalInterface
  interface Cancellable {
    void cancel();
  }

  /** The FX timeline: actions run on the FX thread. */
  static Scheduler fx() {
    return (delay, action) -> {
      PauseTransition p = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
      p.setOnFinished(e -> action.run());
      p.play();
      return p::stop;
    };
  }
}
