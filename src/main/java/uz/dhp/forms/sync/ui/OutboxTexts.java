package uz.dhp.forms.sync.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uz.dhp.forms.i18n.Messages;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxState;
import uz.dhp.forms.sync.OutboxReasons;
import uz.dhp.forms.sync.ServerOutcome;
import uz.dhp.forms.sync.SyncMessage;

/**
 * The texts of one outbox row in the user's language. Pure (no JavaFX), so the wording is tested
 * without a screen. Times are shown as day.month.year hours:minutes, as on Uzbek paper forms.
 */
public final class OutboxTexts {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final Messages messages;
  private final OutboxReasons reasons;
  private final ZoneId zone;

  public OutboxTexts(Messages messages, OutboxReasons reasons, ZoneId zone) {
    this.messages = messages;
    this.reasons = reasons;
    this.zone = zone;
  }

  public String state(OutboxEntry e) {
    return messages.get(OutboxReasons.stateKey(e.state()));
  }

  /** The form and document version, e.g. "form-003 · v2", and whether it is a retraction. */
  public String document(OutboxEntry e) {
    return messages.get(
        e.isRetraction() ? "sync.ui.outbox.documentRetraction" : "sync.ui.outbox.document",
        e.formId(),
        e.documentVersion());
  }

  public String time(Instant t) {
    return TIME.format(t.atZone(zone));
  }

  public String time(Optional<Instant> t) {
    return t.map(this::time).orElse("");
  }

  /**
   * When the next attempt is: "now", "in 5 min" within the hour, else the time; empty for rows the
   * worker will not touch again (sent, rejected) and for the row being sent.
   */
  public String nextTry(OutboxEntry e, Instant now) {
    if (e.state() != OutboxState.QUEUED && e.state() != OutboxState.WAITING_RETRY) {
      return "";
    }
    Duration left = Duration.between(now, e.nextAttempt());
    if (left.compareTo(Duration.ofSeconds(30)) <= 0) {
      return messages.get("sync.ui.next.now");
    }
    if (left.compareTo(Duration.ofMinutes(60)) < 0) {
      long minutes = Math.max(1, (left.getSeconds() + 59) / 60);
      return messages.get("sync.ui.next.inMinutes", minutes);
    }
    return messages.get("sync.ui.next.at", time(e.nextAttempt()));
  }

  /** The details pane before a row is chosen. */
  public String noSelection() {
    return messages.get("sync.ui.details.none");
  }

  /** One line: why the row waits or was refused; empty when nothing went wrong. */
  public String reason(OutboxEntry e) {
    return reasons.reason(e).map(this::text).orElse("");
  }

  /** The details pane: the reason in full, each server issue, and what to do. */
  public String details(OutboxEntry e, Instant now) {
    List<String> lines = new ArrayList<>();
    lines.add(document(e) + " — " + state(e));
    String reason = reason(e);
    if (!reason.isEmpty()) {
      lines.add(reason);
    }
    ServerOutcome outcome = reasons.outcome(e);
    if (!outcome.issues().isEmpty()) {
      lines.add("");
      lines.add(messages.get("sync.ui.details.issues"));
      for (ServerOutcome.Issue i : outcome.issues()) {
        StringBuilder b = new StringBuilder("• ").append(text(i.meaning()));
        if (!i.diagnostics().isBlank()) {
          b.append(": ").append(i.diagnostics());
        }
        if (!i.where().isEmpty()) {
          b.append(" (").append(String.join(", ", i.where())).append(')');
        }
        lines.add(b.toString());
      }
    }
    lines.add("");
    lines.add(messages.get("sync.ui.details.attempts", e.attempts()));
    String next = nextTry(e, now);
    if (!next.isEmpty()) {
      lines.add(messages.get("sync.ui.details.next", next));
    }
    if (e.state() == OutboxState.SENT) {
      lines.add(messages.get("sync.ui.details.sent", time(e.sentAt()), e.serverId().orElse("")));
    }
    lines.add(messages.get("sync.ui.details.identifier", e.bundleIdentifier().value()));
    e.lastErrorDetail()
        .filter(d -> e.state() != OutboxState.SENT)
        .ifPresent(d -> lines.add(messages.get("sync.ui.details.technical", d)));
    return String.join("\n", lines);
  }

  private String text(SyncMessage m) {
    return messages.get(m.key(), m.argArray());
  }
}
