package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import uz.dhp.forms.document.Fixtures;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.master.ClinicPractitioner;
import uz.dhp.forms.document.master.MasterDataJson;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.signing.SignedDocument;
import uz.dhp.forms.signing.SignerRole;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.BundleIdentifier;
import uz.dhp.forms.store.DocumentWrite;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxState;
import uz.dhp.forms.store.SigningQueueOutcome;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.UnsignedDocument;
import uz.dhp.forms.store.UnsignedDocumentWrite;
import uz.dhp.forms.ui.Shown;
import uz.dhp.forms.ui.TaskRunner;

/**
 * "Retract…" through the app's screens, on a real store with a really signed document that the
 * server accepted (set at store level, as the outbox worker records it): the button only for a sent
 * row, the inline confirmation (Cancel and Esc change nothing), confirming with the keyboard, the
 * outcome in the user's language, the top bar's awaiting count, and the retraction recognisable on
 * the awaiting-signature screen. No FHIR server and no document checker are needed: a retraction is
 * not validated and is not sent before it is signed.
 */
@ExtendWith(ApplicationExtension.class)
class OutboxRetractScreenTest {

  private static final Path FORMS = Path.of(System.getProperty("dhp.forms.dir", "forms"));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  private TaskRunner tasks;
  private AppRuntime runtime;
  private MainWindow window;
  private Store store;
  private String sentId;
  private String draftId;
  private final ClinicMasterData clinic = Fixtures.clinic();
  private final ClinicPractitioner signer = clinic.practitioner("att").orElseThrow();

  @Start
  void start(Stage stage) throws Exception {
    Path dataDir = Files.createTempDirectory(temp, "data");
    tasks = TaskRunner.background();
    runtime =
        AppRuntime.start(
            AppOptions.parse(
                List.of("--data-dir=" + dataDir, "--forms-dir=" + FORMS, "--no-warm-up"), Map.of()),
            tasks,
            // Never asked for: a retraction is not validated (it cannot pass the form profiles).
            (fhir, dir) -> new CompletableFuture<>());
    runtime.context().settings().put(MasterDataSource.KEY, new MasterDataJson().write(clinic));
    runtime.context().i18n().setLanguage(UiLanguage.EN);
    store = runtime.store().orElseThrow();
    // Before the window: the document services (and the outbox worker) start only when asked.
    sentId = sentDocument();
    window = new MainWindow(runtime.context());
    stage.setScene(window.createScene(1200, 800));
    stage.show();
  }

  @AfterEach
  void stop() {
    tasks.close();
    runtime.close();
  }

  /** A document finalized, signed by "att" with a real signature, and accepted by the server. */
  private String sentDocument() throws Exception {
    DraftIndex drafts = runtime.context().drafts();
    draftId =
        drafts.create("form-003", "1.0.0", "https://dhp.uz/forms/Questionnaire/form-003|1.0.0");
    byte[] bundle;
    try (InputStream in =
        getClass().getResourceAsStream("/uz/dhp/forms/signing/sample-document.json")) {
      bundle =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("PRACTITIONER_PINFL", signer.pinfl())
              .getBytes(StandardCharsets.UTF_8);
    }
    String role = JSON.readTree(bundle).at("/entry/0/resource/author/0/reference").asText();
    DocumentWrite finalized =
        new DocumentWrite(
            "unsigned-1",
            draftId,
            "form-003",
            new BundleIdentifier(
                "urn:ietf:rfc:3986", JSON.readTree(bundle).at("/identifier/value").asText()),
            "urn:uuid:7a0e55d2-7f3c-4c43-a1c4-0c6b1d2e3f40",
            1,
            "final",
            false,
            bundle);
    store.signingQueue().keep(new UnsignedDocumentWrite(finalized, "att"), Actor.SYSTEM);
    SignedDocument signed =
        new SandboxSignature(Fixtures.FHIR, Clock.systemUTC(), clinic)
            .sign(bundle, new SignerRole(role, signer.fullName()), signer.pinfl());
    DocumentWrite copy =
        new DocumentWrite(
            "signed-1",
            draftId,
            "form-003",
            finalized.bundleIdentifier(),
            finalized.compositionIdentifier(),
            1,
            "final",
            true,
            signed.bytes());
    assertThat(store.signingQueue().storeSigned("unsigned-1", copy, Actor.SYSTEM))
        .isInstanceOf(SigningQueueOutcome.Queued.class);
    assertThat(store.outbox().claimNextDue().map(OutboxEntry::documentId)).contains("signed-1");
    store.outbox().markSent("signed-1", "srv-77", "Bundle/srv-77/_history/1", 201);
    return "signed-1";
  }

  @Test
  void aSentDocumentIsRetractedAfterAnInlineConfirmationAndAwaitsItsSigner(FxRobot robot)
      throws Exception {
    robot.interact(window::showOutbox);
    await(
        () ->
            window.outboxView() != null
                && window.outboxView().table().getItems().stream()
                    .anyMatch(e -> e.documentId().equals(sentId) && e.state() == OutboxState.SENT));
    Button retract = robot.lookup("#outboxRetract").queryButton();
    assertThat(retract.getAccessibleText()).isEqualTo("Retract the chosen sent document");
    assertThat(onFx(retract::isDisabled)).as("nothing chosen yet").isTrue();
    Node bar = robot.lookup("#outboxRetractBar").query();
    assertThat(onFx(bar::isVisible)).isFalse();

    clickCell(robot, "colServerId", "srv-77");
    await(() -> !retract.isDisabled());

    // Cancel: the bar closes, nothing is created.
    clickWhenShown(robot, "#outboxRetract");
    await(bar::isVisible);
    assertThat(onFx(() -> robot.lookup("#outboxRetractQuestion").queryAs(Label.class).getText()))
        .startsWith("Retract form-003 · version 1? A retraction (entered in error) will be created")
        .contains("Do this only when DHP asked for it.");
    clickWhenShown(robot, "#outboxRetractCancel");
    await(() -> !bar.isVisible());
    // Esc closes it too, and stays on the outbox screen.
    clickWhenShown(robot, "#outboxRetract");
    await(bar::isVisible);
    await(() -> "outboxRetractReason".equals(focusedId(robot)));
    robot.type(KeyCode.ESCAPE);
    await(() -> !bar.isVisible());
    assertThat(window.outboxView()).isNotNull();
    assertThat(store.signingQueue().awaitingCount()).isZero();

    // Confirm with the keyboard: the reason, Tab to "Create retraction", Space.
    clickWhenShown(robot, "#outboxRetract");
    await(() -> "outboxRetractReason".equals(focusedId(robot)));
    robot.write("DHP request 17");
    robot.type(KeyCode.TAB);
    await(() -> "outboxRetractConfirm".equals(focusedId(robot)));
    robot.type(KeyCode.SPACE);

    await(() -> notice(robot).startsWith("Retraction created (version 2)."));
    assertThat(notice(robot))
        .contains("It now awaits the signature of " + signer.fullName())
        .contains("DHP marks the document as retracted");
    assertThat(onFx(bar::isVisible)).isFalse();
    UnsignedDocument kept = store.signingQueue().awaiting().get(0);
    assertThat(kept.retraction().orElseThrow().documentId()).isEqualTo(sentId);
    assertThat(kept.retraction().orElseThrow().reason()).contains("DHP request 17");
    await(
        () ->
            robot.lookup("#navAwaiting").queryButton().getText().equals("Awaiting signature (1)"));

    // A second time: refused in words, in the language of the moment.
    clickWhenShown(robot, "#outboxRetract");
    clickWhenShown(robot, "#outboxRetractConfirm");
    await(() -> notice(robot).startsWith("A retraction of this document already awaits"));
    robot.interact(() -> runtime.context().i18n().setLanguage(UiLanguage.RU));
    assertThat(notice(robot)).startsWith("Отзыв этого документа уже ждёт подписи.");
    robot.interact(() -> runtime.context().i18n().setLanguage(UiLanguage.EN));
    assertThat(store.signingQueue().awaitingCount()).isEqualTo(1);

    // The doctor sees that she signs a retraction, and why.
    robot.interact(window::showSigning);
    await(() -> window.signingScreen().rows().size() == 1);
    await(
        () ->
            onFx(() -> robot.lookup("#signingRetractionNotice").queryAs(Label.class).isVisible()));
    assertThat(onFx(() -> robot.lookup("#signingRetractionNotice").queryAs(Label.class).getText()))
        .startsWith("This is a RETRACTION (entered in error).")
        .endsWith("Reason given: DHP request 17");
    assertThat(onFx(() -> formCell(robot))).isEqualTo("Retraction · form-003 · v2");
  }

  @SuppressWarnings("unchecked")
  private static String formCell(FxRobot robot) {
    TableView<UnsignedDocument> table = robot.lookup("#awaitingTable").queryTableView();
    return String.valueOf(
        ((TableColumn<UnsignedDocument, String>) table.getColumns().get(1)).getCellData(0));
  }

  private static String notice(FxRobot robot) {
    return onFx(
        () ->
            Optional.ofNullable(robot.lookup("#outboxNotice").queryAs(Label.class).getText())
                .orElse(""));
  }

  private static String focusedId(FxRobot robot) {
    return onFx(
        () -> {
          Node focused = robot.lookup("#outboxView").query().getScene().getFocusOwner();
          return focused == null ? "" : String.valueOf(focused.getId());
        });
  }

  /** Clicks the node once it is shown, laid out and enabled (a slow machine lays out late). */
  private static void clickWhenShown(FxRobot robot, String query) throws Exception {
    await(
        () ->
            onFx(
                () ->
                    robot
                        .lookup(query)
                        .tryQuery()
                        .map(
                            n ->
                                n.isVisible()
                                    && !n.isDisabled()
                                    && n.getScene() != null
                                    && n.getLayoutBounds().getWidth() > 0)
                        .orElse(false)));
    Shown.click(robot, query);
  }

  /** Clicks the outbox table cell showing {@code text}, once the table has laid it out. */
  private static void clickCell(FxRobot robot, String columnId, String text) throws Exception {
    await(
        () ->
            onFx(
                () ->
                    robot
                        .lookup(
                            n ->
                                n instanceof javafx.scene.control.TableCell<?, ?> c
                                    && c.getTableColumn() != null
                                    && columnId.equals(c.getTableColumn().getId())
                                    && text.equals(c.getText())
                                    && c.isVisible()
                                    && c.getLayoutBounds().getWidth() > 0)
                        .tryQuery()
                        .isPresent()));
    Shown.click(
        robot,
        (Node)
            robot
                .lookup(
                    n ->
                        n instanceof javafx.scene.control.TableCell<?, ?> c
                            && c.getTableColumn() != null
                            && columnId.equals(c.getTableColumn().getId())
                            && text.equals(c.getText()))
                .query());
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
    WaitForAsyncUtils.waitForFxEvents();
  }
}
