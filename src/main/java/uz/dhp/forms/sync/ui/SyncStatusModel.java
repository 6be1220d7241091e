package uz.dhp.forms.sync.ui;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.sync.OutboxListener;
import uz.dhp.forms.sync.OutboxService;
import uz.dhp.forms.sync.OutboxStatus;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.TaskRunner;

/**
 * The status bar's view of sending: online / offline, queue size, rejected documents, as an
 * observable text in the user's language. Status snapshots from the service's listener are handed
 * to the FX thread; a row change (which the service does not turn into a status) triggers one
 * coalesced re-read of the status through the task runner.
 */
public final class SyncStatusModel implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SyncStatusModel.class);

  private final OutboxService service;
  private final TaskRunner tasks;
  private final Executor fxThread;
  private final ReadOnlyObjectWrapper<SyncStatusText> status =
      new ReadOnlyObjectWrapper<>(SyncStatusText.starting());
  private final StringBinding text;
  private final StringBinding tooltip;
  private final AtomicBoolean rereadPending = new AtomicBoolean();
  private AutoCloseable subscription;
  private @Nullable OutboxStatus lastPushed;

  /**
   * @param fxThread runs a task on the FX thread ({@code Platform::runLater} in the app)
   */
  public SyncStatusModel(OutboxService service, I18n i18n, TaskRunner tasks, Executor fxThread) {
    this.service = service;
    this.tasks = tasks;
    this.fxThread = fxThread;
    text =
        Bindings.createStringBinding(
            () -> status.get().format(i18n.messages()), status, i18n.messagesProperty());
    tooltip =
        Bindings.createStringBinding(
            () -> status.get().tooltip(i18n.messages()), status, i18n.messagesProperty());
  }

  /** Subscribes and reads the first status. Call once, on the FX thread. */
  public void start() {
    subscription =
        service.addListener(
            new OutboxListener() {
              @Override
              public void statusChanged(OutboxStatus s) {
                fxThread.execute(() -> pushed(s));
              }

              @Override
              public void entryChanged(OutboxEntry entry) {
                if (rereadPending.compareAndSet(false, true)) {
                  fxThread.execute(SyncStatusModel.this::reread);
                }
              }
            });
    rereadPending.set(true);
    reread();
  }

  private void pushed(OutboxStatus s) {
    lastPushed = s;
    status.set(SyncStatusText.of(s));
  }

  /**
   * A re-read may finish after a newer pushed status: the connection and login state are taken from
   * the last push (the service pushes every change of them, in order), the counts from the read.
   */
  private void reread(OutboxStatus read) {
    OutboxStatus p = lastPushed;
    OutboxStatus merged =
        p == null
            ? read
            : new OutboxStatus(
                p.connectivity(),
                read.counts(),
                read.nextAttempt(),
                p.lastContact(),
                p.authProblem());
    status.set(SyncStatusText.of(merged));
  }

  private void reread() {
    tasks.run(
        () -> {
          rereadPending.set(false);
          return service.status();
        },
        this::reread,
        e -> LOG.warn("Reading the outbox status failed", e));
  }

  /** The text for the status bar, e.g. "Online · Waiting to be sent: 3". */
  public StringBinding text() {
    return text;
  }

  public StringBinding tooltip() {
    return tooltip;
  }

  public ReadOnlyObjectProperty<SyncStatusText> status() {
    return status.getReadOnlyProperty();
  }

  @Override
  public void close() {
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        LOG.warn("Removing the status listener failed", e);
      }
      subscription = null;
    }
  }
}
