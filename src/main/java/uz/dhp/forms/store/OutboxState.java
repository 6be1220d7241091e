package uz.dhp.forms.store;

import java.util.Optional;

/** Where a document stands on its way to the server. */
public enum OutboxState {
  /** Waiting for its first attempt (or put back by the user / after a restart). */
  QUEUED("queued"),
  /** A request is (or was, when the app died) on its way; resolved on restart. */
  SENDING("sending"),
  /** The server holds the document; terminal. */
  SENT("sent"),
  /** The server refused it with a reason; terminal until the user sends a corrected version. */
  REJECTED("rejected"),
  /** A transient failure; tried again at {@code nextAttempt}. */
  WAITING_RETRY("waiting_retry");

  private final String code;

  OutboxState(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** True for {@link #SENT} and {@link #REJECTED}: the worker will not touch the row again. */
  public boolean isFinal() {
    return this == SENT || this == REJECTED;
  }

  static Optional<OutboxState> fromCode(String code) {
    for (OutboxState s : values()) {
      if (s.code.equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
