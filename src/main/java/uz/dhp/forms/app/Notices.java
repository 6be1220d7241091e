package uz.dhp.forms.app;

import javafx.application.Platform;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.ui.I18n;

/**
 * The window's in-window notification bar: messages, questions and failures in plain words, never a
 * modal dialog (typing is never blocked). Failures get an incident code; the details go to the log
 * only.
 */
final class Notices {

  /** Looked up when used: built on the FX thread while logging may still be starting (0015). */
  private static Logger log() {
    return LoggerFactory.getLogger(Notices.class);
  }

  private final NotificationPane pane;
  private final I18n i18n;

  Notices(NotificationPane pane, I18n i18n) {
    this.pane = pane;
    this.i18n = i18n;
  }

  /** A plain message (FX thread). */
  void show(String text) {
    pane.getActions().clear();
    pane.show(text);
  }

  /** A message with buttons; each hides the bar, then does its part. */
  void ask(String text, Action... actions) {
    pane.getActions().setAll(actions);
    pane.show(text);
  }

  /** A button for {@link #ask}: hides the bar, then runs {@code action}. */
  Action button(String text, Runnable action) {
    return new Action(
        text,
        e -> {
          pane.hide();
          action.run();
        });
  }

  /** A failed background task: a plain message and an incident code; details in the log. */
  void failure(Throwable thrown) {
    // Work that waited on another future (services starting) fails with the cause wrapped.
    Throwable error =
        thrown instanceof java.util.concurrent.CompletionException && thrown.getCause() != null
            ? thrown.getCause()
            : thrown;
    if (error instanceof UserFacingFailure f) {
      log().warn("Operation failed: {}", f.getMessage());
      show(i18n.get(f.key(), f.args()));
      return;
    }
    String incident = Integer.toHexString(System.identityHashCode(error));
    log()
        .error(
            "Background task failed (incident {})", incident, ErrorReporter.withoutMessages(error));
    show(i18n.get("error.unexpected", incident));
  }

  /** An uncaught exception, from any thread. */
  void incident(String incident) {
    if (Platform.isFxApplicationThread()) {
      show(i18n.get("error.unexpected", incident));
    } else {
      Platform.runLater(() -> show(i18n.get("error.unexpected", incident)));
    }
  }
}
