package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.hl7.fhir.r5.model.Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import uz.dhp.forms.document.Fixtures;
import uz.dhp.forms.document.Form003Example;
import uz.dhp.forms.document.SharedValidator;
import uz.dhp.forms.document.master.MasterDataJson;
import uz.dhp.forms.signing.StoredSignaturesOutcome;
import uz.dhp.forms.signing.sandbox.TestCertificateAuthority;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxState;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.StoredDocument;
import uz.dhp.forms.store.UnsignedDocument;
import uz.dhp.forms.sync.sandbox.SandboxProcess;
import uz.dhp.forms.ui.Shown;
import uz.dhp.forms.ui.TaskRunner;

/**
 * The whole journey through the app's screens: a Form 003 draft holding the values of DHP's worked
 * example is finalized with the Finalize button (extraction, narrative, validation), waits for its
 * signature, is signed on the awaiting-signature screen through the embedded WebView and the
 * sandbox signing page, and is delivered by the outbox to the real HAPI FHIR server — exactly once.
 */
@ExtendWith(ApplicationExtension.class)
class FinalizeSignSendTest {

  private static final Path FORMS = Path.of(System.getProperty("dhp.forms.dir", "forms"));

  @TempDir static Path temp;
  private TaskRunner tasks;
  private AppRuntime runtime;
  private MainWindow window;
  private static SandboxProcess server;

  /** The real FHIR server (a child JVM, shared by the test JVM; 30–60 s to start). */
  @BeforeAll
  static void startServer() throws Exception {
    server = SandboxProcess.shared();
  }

  @Start
  void start(Stage stage) throws Exception {
    Path dataDir = Files.createTempDirectory(temp, "data");
    tasks = TaskRunner.background();
    runtime =
        AppRuntime.start(
            AppOptions.parse(
                List.of("--data-dir=" + dataDir, "--forms-dir=" + FORMS, "--no-warm-up"), Map.of()),
            tasks,
            (fhir, dir) -> CompletableFuture.supplyAsync(SharedValidator::get));
    AppSettings settings = runtime.context().settings();
    settings.put(MasterDataSource.KEY, new MasterDataJson().write(Fixtures.clinic()));
    // The test server listens on a random port: configure it as the DHP server (no login).
    AppRuntime.syncSettings(settings)
        .save(
            new uz.dhp.forms.sync.SyncSettings(
                uz.dhp.forms.sync.SyncSettings.ServerChoice.DHP,
                server.baseUrl(),
                uz.dhp.forms.sync.SyncSettings.PLAYGROUND_SSO_URL,
                "",
                uz.dhp.forms.sync.SubmissionStrategy.CONDITIONAL_CREATE));
    window = new MainWindow(runtime.context());
    stage.setScene(window.createScene(1200, 800));
    stage.show();
  }

  @AfterEach
  void stop() {
    tasks.close();
    runtime.close();
  }

  @Test
  void aForm003DraftIsFinalizedSignedAndDeliveredOnceThroughTheScreens(FxRobot robot)
      throws Exception {
    Assumptions.assumeTrue(
        Fixtures.sharedDir() != null, "shared reference data (dhp.shared.dir) absent: skipped");
    Store store = runtime.store().orElseThrow();
    DraftIndex drafts = runtime.context().drafts();
    String draftId =
        drafts.create("form-003", "1.0.0", "https://dhp.uz/forms/Questionnaire/form-003|1.0.0");
    String answers = Form003Example.response(Fixtures.form("003").questionnaire()).toString();
    drafts.save(drafts.open(draftId).orElseThrow(), "", "", answers);

    robot.interact(() -> window.openDraft(draftId));
    try {
      waitUntil(60, () -> window.openEditor() != null);
    } catch (java.util.concurrent.TimeoutException e) {
      org.controlsfx.control.NotificationPane bar = robot.lookup("#notifications").query();
      throw new AssertionError("The draft did not open: " + bar.getText());
    }
    Button finalize = robot.lookup("#finalizeDraft").queryButton();
    try {
      waitUntil(30, () -> !finalize.isDisabled());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          "Finalize stays disabled; open issues: "
              + window.openEditor().editor().viewModel().issues());
    }
    Shown.click(robot, finalize);

    // Extraction + narrative + validation (the checker may still be warming up), then kept.
    waitUntil(240, () -> !store.signingQueue().awaiting().isEmpty());
    UnsignedDocument awaiting = store.signingQueue().awaiting().get(0);
    assertThat(awaiting.version()).isEqualTo(1);
    assertThat(awaiting.signerKey()).isEqualTo("att");
    assertThat(store.outbox().pending()).as("not sent before it is signed").isEmpty();

    robot.interact(window::showSigning);
    waitUntil(30, () -> window.signingScreen().rows().size() == 1);
    Shown.click(robot, "#signSelected");
    pressSignOnTheSandboxPage(robot, store);

    waitUntil(60, () -> store.signingQueue().awaiting().isEmpty());
    OutboxEntry row = store.outbox().list(10, 0).get(0);
    StoredDocument signed = store.documents().find(row.documentId()).orElseThrow();
    assertThat(signed.signed()).isTrue();
    assertThat(signed.bundleIdentifier()).isEqualTo(awaiting.bundleIdentifier());
    // The stored bytes verify on their own against the sandbox CA of this data directory.
    TestCertificateAuthority ca =
        TestCertificateAuthority.loadOrCreate(
            store.dataDirectory().resolve("sandbox-signer"), java.time.Clock.systemUTC());
    DocumentServices services = runtime.context().documentServices().start().join();
    assertThat(
            services
                .signing()
                .orElseThrow()
                .documents()
                .verifyStored(signed.bytes(), ca.trustAnchors()))
        .isInstanceOf(StoredSignaturesOutcome.Valid.class);
    assertThat(new String(signed.bytes(), StandardCharsets.UTF_8))
        .contains("\"sigFormat\":\"application/jose\"");

    // The outbox delivers it: exactly one copy on the server for its Bundle.identifier.
    services.outbox().sendNow();
    waitUntil(
        120,
        () ->
            store.outbox().find(signed.id()).map(e -> e.state() == OutboxState.SENT).orElse(false));
    // The outbox screen lists it as sent.
    robot.interact(window::showOutbox);
    waitUntil(
        30,
        () ->
            window.outboxView() != null
                && window.outboxView().table().getItems().stream()
                    .anyMatch(
                        e -> e.documentId().equals(signed.id()) && e.state() == OutboxState.SENT));
    IGenericClient client = Fixtures.FHIR.newRestfulGenericClient(server.baseUrl().toString());
    Bundle found =
        client
            .search()
            .byUrl(
                "Bundle?identifier="
                    + signed.bundleIdentifier().system()
                    + "|"
                    + signed.bundleIdentifier().value())
            .returnBundle(Bundle.class)
            .execute();
    assertThat(found.getTotal()).isEqualTo(1);

    // The patient is now in the local index, with the id the document gave the Patient…
    String pinfl = "31204909999995"; // the example patient's
    var indexed = store.patientIndex().find(pinfl).orElseThrow();
    assertThat(new String(signed.bytes(), StandardCharsets.UTF_8))
        .contains("\"fullUrl\":\"urn:uuid:" + indexed.localId() + "\"");
    // …and a new form for the same patient is pre-filled once the PINFL is typed.
    String second =
        drafts.create("form-003", "1.0.0", "https://dhp.uz/forms/Questionnaire/form-003|1.0.0");
    robot.interact(() -> window.openDraft(second));
    waitUntil(
        60,
        () -> window.openEditor() != null && window.openEditor().draft().row().id().equals(second));
    // Like Ctrl+F to the field: the editor shows its section and focuses it.
    uz.dhp.forms.form.answer.ItemPath pinflField =
        uz.dhp.forms.form.answer.ItemPath.parse("003.personal/003.personal.pinfl");
    robot.interact(() -> assertThat(window.openEditor().editor().focusField(pinflField)).isTrue());
    WaitForAsyncUtils.waitForFxEvents();
    robot.write(pinfl);
    robot.type(KeyCode.TAB);
    uz.dhp.forms.form.answer.ItemPath family =
        uz.dhp.forms.form.answer.ItemPath.parse(
            "003.personal/003.personal.name/003.personal.name.family");
    waitUntil(
        30,
        () ->
            !window
                .openEditor()
                .editor()
                .viewModel()
                .session()
                .state(family)
                .orElseThrow()
                .answers()
                .isEmpty());
  }

  /** As a practitioner with the keyboard: Tab to "Sign" on the sandbox page and press Space. */
  private static void pressSignOnTheSandboxPage(FxRobot robot, Store store) throws Exception {
    waitUntil(30, () -> robot.lookup("#signingWeb").tryQuery().isPresent());
    for (int attempt = 0; attempt < 6 && !store.signingQueue().awaiting().isEmpty(); attempt++) {
      Thread.sleep(1500);
      if (robot.lookup("#signingWeb").tryQuery().isEmpty()) {
        break;
      }
      WebView web = robot.lookup("#signingWeb").query();
      var bounds = robot.bounds(web).query();
      robot.clickOn(bounds.getMinX() + bounds.getWidth() / 2, bounds.getMinY() + 30);
      robot.type(KeyCode.TAB).type(KeyCode.TAB).type(KeyCode.SPACE);
      try {
        WaitForAsyncUtils.waitFor(
            6, TimeUnit.SECONDS, () -> robot.lookup("#signingWeb").tryQuery().isEmpty());
      } catch (java.util.concurrent.TimeoutException notYet) {
        // the page was not ready: press again (a second press cannot sign twice)
      }
    }
  }

  private static void waitUntil(int seconds, java.util.concurrent.Callable<Boolean> condition)
      throws Exception {
    WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
