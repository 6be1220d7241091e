package uz.dhp.forms.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.DocumentWrite;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxState;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.StoreOpenOutcome;
import uz.dhp.forms.store.StoreOpener;
import uz.dhp.forms.sync.BackoffPolicy;
import uz.dhp.forms.sync.DhpGateway;
import uz.dhp.forms.sync.Fault;
import uz.dhp.forms.sync.FaultProxy;
import uz.dhp.forms.sync.OutboxReasons;
import uz.dhp.forms.sync.OutboxService;
import uz.dhp.forms.sync.ServerConfig;
import uz.dhp.forms.sync.TestDocuments;
import uz.dhp.forms.sync.auth.AccessTokenSource;
import uz.dhp.forms.sync.sandbox.SandboxProcess;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.Shown;
import uz.dhp.forms.ui.TaskRunner;

/**
 * The outbox screen on a real SQLite store and a real {@link OutboxService} sending to the real
 * FHIR server of the test JVM: rows follow the worker live, a rejection shows its reason, and the
 * Retry and Send now buttons do what they say.
 */
@ExtendWith(ApplicationExtension.class)
class OutboxViewTest {

  private static final FhirContext FHIR = FhirContext.forR5Cached();

  @TempDir Path dir;
  private Stage stage;
  private final I18n i18n = new I18n(UiLanguage.EN);
  private Store store;
  private OutboxService service;
  private TaskRunner tasks;
  private OutboxView view;
  private SyncStatusModel status;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void stop() throws Exception {
    if (view != null) {
      WaitForAsyncUtils.asyncFx(
              () -> {
                view.close();
                status.close();
              })
          .get(10, TimeUnit.SECONDS);
    }
    if (service != null) {
      service.close();
    }
    if (tasks != null) {
      tasks.close();
    }
    if (store != null) {
      store.close();
    }
  }

  /** A service to {@code base} with waits of {@code wait} (send backoff and offline probe). */
  private void open(URI base, Duration wait, DocumentWrite... queued) throws Exception {
    Clock clock = Clock.systemUTC();
    store = ((StoreOpenOutcome.Opened) new StoreOpener(clock).open(dir)).store();
    for (DocumentWrite d : queued) {
      store.documents().storeAndQueue(d, Actor.SYSTEM);
    }
    // A generous probe timeout: the first metadata request of a busy test server can take seconds,
    // and a failed probe after "Send now" would wait the full 10 minutes.
    ServerConfig config =
        ServerConfig.defaults(base)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(15));
    BackoffPolicy backoff = new BackoffPolicy(wait, wait, wait, wait);
    service =
        new OutboxService(
            store.outbox(),
            store.documents(),
            new DhpGateway(config, FHIR, AccessTokenSource.none()),
            backoff,
            backoff,
            clock,
            new SplittableRandom(1),
            1);
    tasks = TaskRunner.background();
    WaitForAsyncUtils.asyncFx(
            () -> {
              OutboxViewModel model =
                  new OutboxViewModel(
                      service,
                      new OutboxReasons(FHIR),
                      i18n,
                      tasks,
                      Platform::runLater,
                      clock,
                      ZoneId.of("Asia/Tashkent"));
              view = new OutboxView(model, i18n);
              status = new SyncStatusModel(service, i18n, tasks, Platform::runLater);
              Hyperlink bar = SyncStatusLabel.create(status, i18n, () -> {});
              BorderPane shell = new BorderPane(view.root());
              shell.setBottom(bar);
              stage.setScene(new Scene(shell, 1100, 600));
              stage.show();
              model.start();
              status.start();
            })
        .get(10, TimeUnit.SECONDS);
    service.start();
  }

  @Test
  void sentAndRejectedRowsShowWhatHappenedAndRetrySendsTheRejectedOneAgain(FxRobot robot)
      throws Exception {
    DocumentWrite good = TestDocuments.valid("good");
    DocumentWrite bad = TestDocuments.invalid("bad");
    open(SandboxProcess.shared().baseUrl(), Duration.ofSeconds(30), good, bad);

    int sent = awaitRow(good.id(), OutboxState.SENT);
    int rejected = awaitRow(bad.id(), OutboxState.REJECTED);

    assertThat(cell("colState", sent)).isEqualTo("Sent");
    assertThat(cell("colServerId", sent))
        .isNotEmpty()
        .isEqualTo(store.outbox().find(good.id()).orElseThrow().serverId().orElseThrow());
    assertThat(cell("colSent", sent)).matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d");
    assertThat(cell("colReason", sent)).isEmpty();
    assertThat(cell("colState", rejected)).isEqualTo("Rejected");
    assertThat(cell("colAttempts", rejected)).isEqualTo("1");
    assertThat(cell("colNext", rejected)).as("a rejected row is not tried again").isEmpty();
    assertThat(cell("colReason", rejected))
        .startsWith("The server refused the document as invalid (HTTP 400, errors: 1)");
    awaitText("#syncStatus", "Online · Rejected: 1 — open the outbox");

    clickCell(robot, "colReason", rejected);
    String details = robot.lookup("#outboxDetails").queryAs(TextArea.class).getText();
    assertThat(details)
        .contains("What the server reported:")
        .contains("bogus-status")
        .contains("Attempts so far: 1");
    assertThat(robot.lookup("#outboxRetry").queryButton().isDisabled()).isFalse();

    Shown.click(robot, "#outboxRetry");

    await(() -> store.outbox().find(bad.id()).orElseThrow().attempts() == 2);
    int again = awaitRow(bad.id(), OutboxState.REJECTED);
    await(() -> "2".equals(cell("colAttempts", again)));
    assertThat(robot.lookup("#outboxNotice").queryAs(Label.class).getText())
        .isEqualTo("The document was put back in the queue and is being sent now.");

    // The user switches the language: rows, details and the status bar follow at once.
    robot.interact(() -> i18n.setLanguage(UiLanguage.RU));
    assertThat(cell("colState", again)).isEqualTo("Отклонён");
    assertThat(onFx(() -> textOf("#syncStatus")))
        .isEqualTo("В сети · Отклонено: 1 — откройте исходящие");
    assertThat(robot.lookup("#outboxDetails").queryAs(TextArea.class).getText())
        .contains("Что сообщил сервер:");
    robot.interact(() -> i18n.setLanguage(UiLanguage.EN));

    // Keyboard: choose the sent row and press Enter: nothing to retry there.
    clickCell(robot, "colServerId", awaitRow(good.id(), OutboxState.SENT));
    assertThat(onFx(() -> view.table().getSelectionModel().getSelectedItem().documentId()))
        .isEqualTo(good.id());
    assertThat(robot.lookup("#outboxRetry").queryButton().isDisabled()).isTrue();
    robot.type(KeyCode.ENTER);
    assertThat(store.outbox().find(good.id()).orElseThrow().attempts()).isEqualTo(1);
  }

  @Test
  void sendNowDeliversAWaitingDocumentAtOnceWhenTheServerIsBack(FxRobot robot) throws Exception {
    var server = SandboxProcess.shared();
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI base = URI.create("http://127.0.0.1:" + port + server.baseUrl().getPath());
    DocumentWrite doc = TestDocuments.valid("later");
    // Nothing listens at the address yet; the next try and the next probe are 10 minutes away.
    open(base, Duration.ofMinutes(10), doc);

    int row = awaitRow(doc.id(), OutboxState.WAITING_RETRY);
    awaitText("#syncStatus", "Offline · Waiting to be sent: 1");
    assertThat(cell("colNext", row)).isIn("In 10 min", "In 9 min");
    assertThat(cell("colReason", row)).startsWith("The server cannot be reached.");

    try (FaultProxy back = new FaultProxy(server.baseUrl(), Duration.ZERO, Duration.ZERO, port)) {
      back.schedule(java.util.List.of(Fault.PASS));
      Shown.click(robot, "#outboxSendNow");

      int sent = awaitRow(doc.id(), OutboxState.SENT);
      assertThat(cell("colServerId", sent)).isNotEmpty();
      assertThat(cell("colNext", sent)).isEmpty();
      awaitText("#syncStatus", "Online · All documents sent");
    }
  }

  @SuppressWarnings("unchecked")
  private String cell(String columnId, int row) {
    return onFx(
        () -> {
          TableView<OutboxEntry> table = view.table();
          for (TableColumn<OutboxEntry, ?> c : table.getColumns()) {
            if (columnId.equals(c.getId())) {
              return String.valueOf(((TableColumn<OutboxEntry, String>) c).getCellData(row));
            }
          }
          throw new AssertionError("no column " + columnId);
        });
  }

  /** Clicks the table cell showing the row's value in that column, once it is on screen. */
  private void clickCell(FxRobot robot, String columnId, int row) throws Exception {
    Shown.click(robot, cell(columnId, row));
  }

  /** Waits until the table shows the document in {@code state}; returns its row index. */
  private int awaitRow(String documentId, OutboxState state) throws Exception {
    int[] index = {-1};
    await(
        () ->
            onFx(
                () -> {
                  var items = view.table().getItems();
                  for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).documentId().equals(documentId)
                        && items.get(i).state() == state) {
                      index[0] = i;
                      return true;
                    }
                  }
                  return false;
                }));
    return index[0];
  }

  private void awaitText(String query, String expected) throws Exception {
    try {
      await(() -> onFx(() -> expected.equals(textOf(query))));
    } catch (java.util.concurrent.TimeoutException e) {
      assertThat(onFx(() -> textOf(query))).isEqualTo(expected);
    }
  }

  private String textOf(String query) {
    var node = stage.getScene().lookup(query);
    if (node instanceof javafx.scene.control.Labeled l) {
      return l.getText();
    }
    return ((Button) node).getText();
  }

  private static <T> T onFx(Callable<T> c) {
    try {
      return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void await(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
  }
}
