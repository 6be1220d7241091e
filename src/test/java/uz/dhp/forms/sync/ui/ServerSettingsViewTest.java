package uz.dhp.forms.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.sync.ConnectionTester;
import uz.dhp.forms.sync.KeyValueSyncSettings;
import uz.dhp.forms.sync.SubmissionStrategy;
import uz.dhp.forms.sync.SyncSettings;
import uz.dhp.forms.sync.auth.InMemorySecretStore;
import uz.dhp.forms.sync.sandbox.SandboxProcess;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.Shown;
import uz.dhp.forms.ui.TaskRunner;

/**
 * The server settings screen: sandbox by default, a DHP address that is not a URL is refused with a
 * reason, the secret goes to the secret store only, and "Test connection" asks a real server.
 */
@ExtendWith(ApplicationExtension.class)
class ServerSettingsViewTest {

  private final Map<String, String> saved = new HashMap<>();
  private final KeyValueSyncSettings repository =
      new KeyValueSyncSettings(k -> Optional.ofNullable(saved.get(k)), saved::put);
  private final InMemorySecretStore secrets = new InMemorySecretStore();
  private final I18n i18n = new I18n(UiLanguage.EN);
  private final TaskRunner tasks = TaskRunner.background();
  private final java.util.List<SyncSettings> applied =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    ServerSettingsViewModel model =
        new ServerSettingsViewModel(
            repository,
            secrets,
            new ConnectionTester(FhirContext.forR5Cached()),
            tasks,
            Clock.systemUTC());
    ServerSettingsView view = new ServerSettingsView(model, i18n, applied::add);
    stage.setScene(new Scene(view.root(), 800, 500));
    stage.show();
    view.load();
  }

  @AfterEach
  void stop() {
    tasks.close();
  }

  @Test
  void theSandboxIsTheDefaultAndTestConnectionReachesTheRealServer(FxRobot robot) throws Exception {
    var server = SandboxProcess.shared();
    assertThat(robot.lookup("#settingsSandbox").queryAs(RadioButton.class).isSelected()).isTrue();
    assertThat(robot.lookup("#settingsBaseUrl").queryAs(TextField.class).isDisabled()).isTrue();

    // The sandbox on its default port may not run here: point a DHP entry at the test server.
    Shown.click(robot, "#settingsDhp");
    replace(robot, "#settingsBaseUrl", server.baseUrl().toString());
    Shown.click(robot, "#settingsTest");

    awaitResult("The connection works: ");
    assertThat(result()).contains("FHIR 5.0.0");
  }

  @Test
  void nothingListeningIsReportedInPlainWords(FxRobot robot) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Shown.click(robot, "#settingsDhp");
    replace(robot, "#settingsBaseUrl", "http://127.0.0.1:" + port + "/fhir");
    Shown.click(robot, "#settingsTest");

    awaitResult("Nothing answers at this address.");
  }

  @Test
  void anAddressThatIsNotAUrlIsRefusedAndNothingIsSaved(FxRobot robot) throws Exception {
    Shown.click(robot, "#settingsDhp");
    replace(robot, "#settingsBaseUrl", "playground dhp uz");
    Shown.click(robot, "#settingsSave");

    awaitResult("Server address (FHIR base): This is not a web address.");
    assertThat(saved).isEmpty();
    assertThat(applied).isEmpty();
  }

  @Test
  void theSecretGoesToTheSecretStoreOnlyAndIsNotShownAgain(FxRobot robot) throws Exception {
    Shown.click(robot, "#settingsDhp");
    replace(robot, "#settingsClientId", "clinic-42");
    Shown.click(robot, "#settingsSave");
    awaitResult("Client secret: Enter the client secret issued by the DHP administrator.");
    assertThat(saved).isEmpty();

    Shown.click(robot, "#settingsClientSecret").write("s3cret-value");
    Shown.click(robot, "#settingsSave");

    awaitResult("Settings saved.");
    assertThat(secrets.read(SyncSettings.CLIENT_SECRET_NAME))
        .hasValueSatisfying(s -> assertThat(new String(s)).isEqualTo("s3cret-value"));
    assertThat(saved.values()).noneMatch(v -> v.contains("s3cret"));
    assertThat(repository.load().clientId()).isEqualTo("clinic-42");
    assertThat(repository.load().server()).isEqualTo(SyncSettings.ServerChoice.DHP);
    assertThat(repository.load().strategy()).isEqualTo(SubmissionStrategy.CONDITIONAL_CREATE);
    assertThat(applied).hasSize(1);
    PasswordField secret = robot.lookup("#settingsClientSecret").queryAs(PasswordField.class);
    assertThat(onFx(() -> secret.getText())).isEmpty();
    assertThat(onFx(() -> secret.getPromptText())).startsWith("A secret is stored");
  }

  private void replace(FxRobot robot, String query, String text) throws Exception {
    TextField f = robot.lookup(query).queryAs(TextField.class);
    robot.interact(() -> f.setText(""));
    Shown.click(robot, query).write(text);
  }

  private String result() {
    return onFx(() -> ((Label) stage.getScene().lookup("#settingsResult")).getText());
  }

  private void awaitResult(String prefix) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> result().startsWith(prefix));
    } catch (java.util.concurrent.TimeoutException e) {
      assertThat(result()).startsWith(prefix);
    }
  }

  private static <T> T onFx(Callable<T> c) {
    try {
      return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
