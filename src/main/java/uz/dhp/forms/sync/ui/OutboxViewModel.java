package uz.dhp.forms.sync.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxState;
import uz.dhp.forms.store.OutboxUpdate;
import uz.dhp.forms.sync.OutboxListener;
import uz.dhp.forms.sync.OutboxReasons;
import uz.dhp.forms.sync.OutboxService;
import uz.dhp.forms.sync.SyncMessage;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.TaskRunner;

/**
 * State and actions of the outbox screen. Rows arrive from the store through the task runner and
 * then live from the {@link OutboxService} listener (handed to the FX thread); holds no controls.
 * Every method is called on the FX thread.
 */
public final class OutboxViewModel implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxViewModel.class);

  /** Rows shown (newest first). An outbox of a small clinic stays far below this. */
  static final int PAGE = 500;

  private final OutboxService service;
  private final OutboxReasons reasons;
  private final I18n i18n;
  private final TaskRunner tasks;
  private final Executor fxThread;
  private final Clock clock;
  private final ZoneId zone;

  private final ObservableList<OutboxEntry> entries = FXCollections.observableArrayList();
  private final ObjectProperty<OutboxEntry> selected = new SimpleObjectProperty<>();
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyObjectWrapper<Optional<OutboxNotice>> notice =
      new ReadOnlyObjectWrapper<>(Optional.empty());
  private final Optional<OutboxRetraction> retraction;
  private final ReadOnlyObjectWrapper<OutboxEntry> retractTarget = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper retracting = new ReadOnlyBooleanWrapper(false);
  private final BooleanBinding canRetract;
  private final ReadOnlyObjectWrapper<OutboxTexts> texts;
  private final BooleanBinding canRetry;
  private final StringBinding details;
  private final InvalidationListener languageListener;
  private AutoCloseable subscription;

  /**
   * The outbox without the "Retract…" action.
   *
   * @param fxThread runs a task on the FX thread ({@code Platform::runLater} in the app)
   * @param clock for "next try in 5 min"; {@code zone} for the times shown
   */
  public OutboxViewModel(
      OutboxService service,
      OutboxReasons reasons,
      I18n i18n,
      TaskRunner tasks,
      Executor fxThread,
      Clock clock,
      ZoneId zone) {
    this(service, reasons, i18n, tasks, fxThread, clock, zone, Optional.empty());
  }

  /** The outbox with "Retract…" for sent documents, done by {@code retraction}. */
  public OutboxViewModel(
      OutboxService service,
      OutboxReasons reasons,
      I18n i18n,
      TaskRunner tasks,
      Executor fxThread,
      Clock clock,
      ZoneId zone,
      OutboxRetraction retraction) {
    this(service, reasons, i18n, tasks, fxThread, clock, zone, Optional.of(retraction));
  }

  private OutboxViewModel(
      OutboxService service,
      OutboxReasons reasons,
      I18n i18n,
      TaskRunner tasks,
      Executor fxThread,
      Clock clock,
      ZoneId zone,
      Optional<OutboxRetraction> retraction) {
    this.retraction = retraction;
    this.service = service;
    this.reasons = reasons;
    this.i18n = i18n;
    this.tasks = tasks;
    this.fxThread = fxThread;
    this.clock = clock;
    this.zone = zone;
    this.texts = new ReadOnlyObjectWrapper<>(newTexts());
    this.languageListener = obs -> texts.set(newTexts());
    i18n.messagesProperty().addListener(languageListener);
    canRetry =
        Bindings.createBooleanBinding(
            () -> selected.get() != null && isRetryable(selected.get().state()), selected);
    canRetract =
        Bindings.createBooleanBinding(
            () -> retraction.isPresent() && isRetractable(selected.get()) && !retracting.get(),
            selected,
            retracting);
    // The confirmation is about one row: choosing another one closes it.
    selected.addListener(
        (obs, old, now) -> {
          OutboxEntry target = retractTarget.get();
          if (target != null && (now == null || !now.documentId().equals(target.documentId()))) {
            retractTarget.set(null);
          }
        });
    details =
        Bindings.createStringBinding(
            () ->
                selected.get() == null
                    ? texts.get().noSelection()
                    : texts.get().details(selected.get(), clock.instant()),
            selected,
            texts);
  }

  /** Subscribes to the service and loads the rows. Call once, on the FX thread. */
  public void start() {
    subscription =
        service.addListener(
            new OutboxListener() {
              @Override
              public void entryChanged(OutboxEntry entry) {
                fxThread.execute(() -> upsert(entry));
              }
            });
    refresh();
  }

  public ObservableList<OutboxEntry> entries() {
    return entries;
  }

  public ObjectProperty<OutboxEntry> selected() {
    return selected;
  }

  /** The texts for the current language; a new object after a language switch. */
  public ReadOnlyObjectProperty<OutboxTexts> texts() {
    return texts.getReadOnlyProperty();
  }

  public Clock clock() {
    return clock;
  }

  public BooleanBinding canRetry() {
    return canRetry;
  }

  public StringBinding details() {
    return details;
  }

  public ReadOnlyBooleanProperty loading() {
    return loading.getReadOnlyProperty();
  }

  /** The outcome of the last button press, for the line under the buttons. */
  public ReadOnlyObjectProperty<Optional<OutboxNotice>> notice() {
    return notice.getReadOnlyProperty();
  }

  /** Reloads the rows from the store. */
  public void refresh() {
    loading.set(true);
    tasks.run(
        () -> service.entries(PAGE, 0),
        rows -> {
          loading.set(false);
          replaceAll(rows);
        },
        e -> {
          loading.set(false);
          LOG.warn("Reading the outbox failed", e);
          notice.set(message("sync.ui.outbox.readFailed"));
        });
  }

  /** "Send now": everything waiting becomes due and an offline server is asked at once. */
  public void sendNow() {
    notice.set(Optional.empty());
    tasks.run(
        () -> {
          service.sendNow();
          return Boolean.TRUE;
        },
        ok -> notice.set(message("sync.ui.outbox.sendNowStarted")),
        e -> {
          LOG.warn("Send now failed", e);
          notice.set(message("sync.ui.outbox.actionFailed"));
        });
  }

  /** Puts the selected rejected or waiting document back in the queue, due now. */
  public void retrySelected() {
    OutboxEntry row = selected.get();
    if (row == null || !isRetryable(row.state())) {
      return;
    }
    notice.set(Optional.empty());
    tasks.run(
        () -> service.retry(row.documentId()),
        this::retried,
        e -> {
          LOG.warn("Retry failed", e);
          notice.set(message("sync.ui.outbox.actionFailed"));
        });
  }

  private void retried(OutboxUpdate update) {
    if (update instanceof OutboxUpdate.Applied a) {
      upsert(a.entry());
      notice.set(message("sync.ui.outbox.retryStarted"));
    } else if (update instanceof OutboxUpdate.NotApplicable) {
      notice.set(message("sync.ui.outbox.retryNotApplicable"));
      refresh();
    } else if (update instanceof OutboxUpdate.Failed f) {
      LOG.warn("Retry not stored: {}", f.failure());
      notice.set(message("sync.ui.outbox.actionFailed"));
    }
  }

  /** Whether this screen offers "Retract…" at all. */
  public boolean retractionAvailable() {
    return retraction.isPresent();
  }

  /** True when the chosen row is a sent document that may be retracted. */
  public BooleanBinding canRetract() {
    return canRetract;
  }

  /** The row whose retraction awaits the user's confirmation; null when none does. */
  public ReadOnlyObjectProperty<OutboxEntry> retractTarget() {
    return retractTarget.getReadOnlyProperty();
  }

  /** True while a retraction is being created. */
  public ReadOnlyBooleanProperty retracting() {
    return retracting.getReadOnlyProperty();
  }

  /** "Retract…": asks to confirm the retraction of the chosen sent document. */
  public void askRetract() {
    if (canRetract.get()) {
      notice.set(Optional.empty());
      retractTarget.set(selected.get());
    }
  }

  /** The user changed their mind: nothing is created. */
  public void cancelRetract() {
    retractTarget.set(null);
  }

  /** Confirmed: creates the retraction in the background and says what happens next. */
  public void confirmRetract(String reason) {
    OutboxEntry target = retractTarget.get();
    if (target == null || retraction.isEmpty() || retracting.get()) {
      return;
    }
    retractTarget.set(null);
    retracting.set(true);
    OutboxRetraction action = retraction.get();
    tasks.run(
        () -> action.retract(target.documentId(), reason == null ? "" : reason),
        result -> {
          retracting.set(false);
          notice.set(Optional.of(result));
        },
        e -> {
          retracting.set(false);
          LOG.warn("Creating a retraction failed", e);
          notice.set(message("sync.ui.outbox.actionFailed"));
        });
  }

  /** Only what the server holds, and is not itself a retraction, can be retracted. */
  static boolean isRetractable(OutboxEntry row) {
    return row != null && row.state() == OutboxState.SENT && !row.isRetraction();
  }

  private static Optional<OutboxNotice> message(String key) {
    return Optional.of(OutboxNotice.of(SyncMessage.of(key)));
  }

  /** Rejected rows wait for the user; waiting rows may be pushed forward. */
  static boolean isRetryable(OutboxState state) {
    return state == OutboxState.REJECTED
        || state == OutboxState.WAITING_RETRY
        || state == OutboxState.QUEUED;
  }

  /**
   * A row from the listener. Rows change on several threads and a store read may finish after a
   * newer change arrived: the later {@code updated} time wins, so a row never steps back.
   */
  private void upsert(OutboxEntry entry) {
    for (int i = 0; i < entries.size(); i++) {
      OutboxEntry old = entries.get(i);
      if (old.documentId().equals(entry.documentId())) {
        if (entry.updated().isBefore(old.updated())) {
          return;
        }
        boolean wasSelected = selected.get() == old;
        entries.set(i, entry);
        if (wasSelected) {
          selected.set(entry);
        }
        return;
      }
    }
    entries.add(0, entry); // newest first, like the store's list
  }

  private void replaceAll(List<OutboxEntry> rows) {
    String keep = selected.get() == null ? null : selected.get().documentId();
    Map<String, OutboxEntry> live = new HashMap<>();
    for (OutboxEntry e : entries) {
      live.put(e.documentId(), e);
    }
    List<OutboxEntry> merged = new ArrayList<>();
    for (OutboxEntry r : rows) {
      OutboxEntry l = live.remove(r.documentId());
      merged.add(l != null && l.updated().isAfter(r.updated()) ? l : r);
    }
    // Rows that arrived through the listener after the read started are newer than the page.
    List<OutboxEntry> newer = new ArrayList<>();
    for (OutboxEntry l : entries) {
      if (live.containsKey(l.documentId()) && merged.size() + newer.size() < PAGE) {
        newer.add(l);
      }
    }
    merged.addAll(0, newer);
    entries.setAll(merged);
    if (keep != null) {
      selected.set(
          merged.stream().filter(r -> r.documentId().equals(keep)).findFirst().orElse(null));
    }
  }

  private OutboxTexts newTexts() {
    return new OutboxTexts(i18n.messages(), reasons, zone);
  }

  /** Stops listening to the service and the language (the screen is closed). */
  @Override
  public void close() {
    i18n.messagesProperty().removeListener(languageListener);
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        LOG.warn("Removing the outbox listener failed", e);
      }
      subscription = null;
    }
  }
}
