package uz.dhp.forms.app;

import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last line of defence: an exception nobody handled is logged with its details under a short
 * incident code, and the user sees a plain localized message with that code, never a stack trace.
 */
final class ErrorReporter implements Thread.UncaughtExceptionHandler {

  /**
   * Looked up when needed: this handler is installed before the first frame, while logging may
   * still be starting on another thread, and SLF4J makes a first lookup wait for that.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(ErrorReporter.class);
  }

  private final Consumer<String> showIncident;

  /**
   * @param showIncident shows the localized message for an incident code; called on the thread the
   *     error happened on, so it must hop to the FX thread itself
   */
  ErrorReporter(Consumer<String> showIncident) {
    this.showIncident = showIncident;
  }

  @Override
  public void uncaughtException(Thread thread, Throwable error) {
    String incident = UUID.randomUUID().toString().substring(0, 8);
    // Exception messages can carry user input; the type and stack are enough for a developer.
    log()
        .error(
            "Unhandled {} on thread {} (incident {})",
            error.getClass().getName(),
            thread.getName(),
            incident,
            withoutMessages(error));
    try {
      showIncident.accept(incident);
    } catch (RuntimeException e) {
      log().error("Could not show incident {} to the user", incident, e);
    }
  }

  /** A copy of the cause chain with the messages dropped, keeping the stack traces. */
  static Throwable withoutMessages(Throwable error) {
    Throwable cause = error.getCause() == null ? null : withoutMessages(error.getCause());
    Throwable copy = new RedactedException(error.getClass().getName(), cause);
    copy.setStackTrace(error.getStackTrace());
    return copy;
  }

  /** Carries only the original exception type name. */
  static final class RedactedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RedactedException(String type, Throwable cause) {
      super(type + " (message withheld: may contain patient data)", cause);
    }
  }
}
