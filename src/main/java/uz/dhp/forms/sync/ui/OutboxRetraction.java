package uz.dhp.forms.sync.ui;

import java.util.List;
import java.util.Objects;

/**
 * Creates the retraction (entered in error) of a sent document. Supplied by the composition root,
 * which knows the document lifecycle; this package does not. Blocking: the outbox screen calls it
 * off the FX thread.
 */
@FunctionalInterface
public interface OutboxRetraction {

  /**
   * Retracts the sent document {@code documentId}; {@code reason} is the user's text, possibly
   * blank.
   */
  Result retract(String documentId, String reason);

  /**
   * What happened, for the outbox's notice line.
   *
   * @param created whether a retraction now awaits its signature
   * @param key message key (any bundle) telling the user what happened and what comes next
   * @param args its arguments
   */
  record Result(boolean created, String key, List<Object> args) {
    public Result {
      Objects.requireNonNull(key, "key");
      args = List.copyOf(args);
    }
  }
}
