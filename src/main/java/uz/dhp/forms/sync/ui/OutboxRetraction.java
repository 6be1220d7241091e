package uz.dhp.forms.sync.ui;

/**
 * Creates the retraction (entered in error) of a sent document. Supplied by the composition root,
 * which knows the document lifecycle; this package does not. Blocking: the outbox screen calls it
 * off the FX thread.
 */
@FunctionalInterface
public interface OutboxRetraction {

  /**
   * Retracts the sent document {@code documentId}; {@code reason} is the user's text, possibly
   * blank. Returns what to tell the user — what happened and what comes next — as a message key of
   * any bundle with its arguments.
   */
  OutboxNotice retract(String documentId, String reason);
}
