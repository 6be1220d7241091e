package uz.dhp.forms.app;

import javafx.animation.AnimationTimer;

/** Work deferred to a later rendered frame (after the first frame, after a layout). FX thread. */
final class Pulses {

  private Pulses() {}

  /** Runs {@code action} on the FX thread at the {@code count}th rendered pulse from now. */
  static void after(int count, Runnable action) {
    new AnimationTimer() {
      private int pulses;

      @Override
      public void handle(long now) {
        if (++pulses >= count) {
          stop();
          action.run();
        }
      }
    }.start();
  }
}
