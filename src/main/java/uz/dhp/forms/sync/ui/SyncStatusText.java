package uz.dhp.forms.sync.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uz.dhp.forms.i18n.Messages;
import uz.dhp.forms.store.OutboxCounts;
import uz.dhp.forms.sync.OutboxStatus;
import uz.dhp.forms.sync.SyncMessage;

/**
 * What the status bar says about sending, computed from one {@link OutboxStatus}: the connection,
 * then what the queue is doing, then anything the user must act on, e.g. "Online · Sending 2…" or
 * "Offline · Waiting to be sent: 3 · Rejected: 1 — open the outbox". Pure: no JavaFX.
 *
 * @param parts the pieces, joined with " · "
 * @param detail the longer text for the tooltip (the login problem), if any
 */
public record SyncStatusText(List<SyncMessage> parts, Level level, Optional<SyncMessage> detail) {

  /** How the status bar colours the text. */
  public enum Level {
    OK,
    BUSY,
    WARNING,
    PROBLEM
  }

  public SyncStatusText {
    parts = List.copyOf(parts);
  }

  public static SyncStatusText of(OutboxStatus status) {
    List<SyncMessage> parts = new ArrayList<>();
    OutboxCounts c = status.counts();
    Level level =
        switch (status.connectivity()) {
          case ONLINE -> {
            parts.add(SyncMessage.of("sync.ui.status.online"));
            yield Level.OK;
          }
          case OFFLINE -> {
            parts.add(SyncMessage.of("sync.ui.status.offline"));
            yield Level.WARNING;
          }
          case UNKNOWN -> {
            parts.add(SyncMessage.of("sync.ui.status.unknown"));
            yield Level.OK;
          }
        };
    if (c.sending() > 0) {
      parts.add(SyncMessage.of("sync.ui.status.sending", c.sending()));
      if (level == Level.OK) {
        level = Level.BUSY;
      }
    }
    int waiting = c.queued() + c.waitingRetry();
    if (waiting > 0) {
      parts.add(SyncMessage.of("sync.ui.status.waiting", waiting));
    }
    if (status.authProblem().isPresent()) {
      parts.add(SyncMessage.of("sync.ui.status.login"));
      level = Level.PROBLEM;
    }
    if (c.rejected() > 0) {
      parts.add(SyncMessage.of("sync.ui.status.rejected", c.rejected()));
      level = Level.PROBLEM;
    }
    if (parts.size() == 1 && c.sent() > 0) {
      parts.add(SyncMessage.of("sync.ui.status.allSent"));
    }
    return new SyncStatusText(parts, level, status.authProblem());
  }

  /** Before the first status arrived. */
  public static SyncStatusText starting() {
    return new SyncStatusText(
        List.of(SyncMessage.of("sync.ui.status.unknown")), Level.OK, Optional.empty());
  }

  public String format(Messages messages) {
    List<String> texts = new ArrayList<>();
    for (SyncMessage m : parts) {
      texts.add(messages.get(m.key(), m.argArray()));
    }
    return String.join(" · ", texts);
  }

  /** Tooltip: the login problem in full, else the status text with a hint to open the outbox. */
  public String tooltip(Messages messages) {
    if (detail.isPresent()) {
      return messages.get(detail.get().key(), detail.get().argArray());
    }
    return format(messages) + "\n" + messages.get("sync.ui.status.hint");
  }
}
