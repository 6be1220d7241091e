package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import uz.dhp.forms.app.DraftIndex.DraftRow;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.ui.Shown;
import uz.dhp.forms.ui.TaskRunner;

/** The shell on a real store in a temporary folder, driven through the UI. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

  @TempDir static Path temp;
  private static Path dataDir;
  private static Path formsDir;

  private AppRuntime runtime;
  private TaskRunner tasks;
  private MainWindow window;

  @Start
  void start(Stage stage) throws IOException {
    dataDir = Files.createTempDirectory(temp, "data");
    formsDir = Files.createTempDirectory(temp, "forms");
    writeForm("alpha", "Alfa shakli", "Форма Альфа", "Alpha form", "1.0.0");
    writeForm("beta", "Beta shakli", "Форма Бета", "Beta form", "2.1.0");
    Files.createDirectories(formsDir.resolve("broken"));
    Files.writeString(formsDir.resolve("broken/questionnaire.json"), "{ not json");
    tasks = TaskRunner.background();
    runtime =
        AppRuntime.start(
            AppOptions.parse(
                List.of("--data-dir=" + dataDir, "--forms-dir=" + formsDir, "--no-warm-up"),
                Map.of()),
            tasks);
    window = new MainWindow(runtime.context());
    stage.setScene(window.createScene(1100, 700));
    stage.show();
  }

  @AfterEach
  void close() {
    tasks.close();
    runtime.close();
  }

  @Test
  void listsEveryFormInTheFormsFolderIncludingBrokenOnes(FxRobot robot) throws Exception {
    ListView<FormListing> forms = robot.lookup("#formList").queryListView();
    waitForCheckedForms(forms);
    assertThat(forms.getItems())
        .extracting(FormListing::formId)
        .containsExactly("alpha", "beta", "broken");
    assertThat(forms.getItems().get(2)).isInstanceOf(FormListing.Unavailable.class);
    assertThat(robot.lookup("Alfa shakli (versiya 1.0.0)").tryQuery()).isPresent();
    assertThat(
            robot
                .lookup(
                    n ->
                        n instanceof javafx.scene.control.Labeled l
                            && l.getText() != null
                            && l.getText().startsWith("questionnaire.json: foydalanib boʻlmaydi"))
                .tryQuery())
        .isPresent();
  }

  @Test
  void switchingLanguageChangesEveryLabelAndIsRemembered(FxRobot robot) throws Exception {
    Button newDraft = robot.lookup("#newDraft").queryButton();
    assertThat(newDraft.getText()).isEqualTo("Yangi qoralama (Enter)");
    selectLanguage(robot, UiLanguage.RU);
    assertThat(newDraft.getText()).isEqualTo("Новый черновик (Enter)");
    assertThat(robot.lookup("Черновики").tryQuery()).isPresent();
    assertThat(robot.lookup("#storeStatus").queryAs(Label.class).getText()).startsWith("Данные: ");
    ListView<FormListing> forms = robot.lookup("#formList").queryListView();
    waitForCheckedForms(forms);
    assertThat(robot.lookup("Форма Альфа (версия 1.0.0)").tryQuery()).isPresent();

    selectLanguage(robot, UiLanguage.EN);
    assertThat(newDraft.getText()).isEqualTo("New draft (Enter)");
    assertThat(robot.lookup("Alpha form (version 1.0.0)").tryQuery()).isPresent();
    selectLanguage(robot, UiLanguage.UZ_CYRL);
    assertThat(newDraft.getText()).isEqualTo("Янги қоралама (Enter)");
    // Uzbek Cyrillic falls back to the Latin-script title when the form has no Cyrillic one.
    assertThat(robot.lookup("Alfa shakli (версия 1.0.0)").tryQuery()).isPresent();

    // Remembered: a new start on the same data folder comes up in the last language.
    waitUntil(
        () -> runtime.context().settings().get(AppSettings.LANGUAGE).orElse("").equals("uz-Cyrl"));
    runtime.close();
    try (TaskRunner other = TaskRunner.background()) {
      AppRuntime again =
          AppRuntime.start(AppOptions.parse(List.of("--data-dir=" + dataDir), Map.of()), other);
      try {
        assertThat(again.context().i18n().language()).isEqualTo(UiLanguage.UZ_CYRL);
        assertThat(again.context().startupNotice()).isNull();
      } finally {
        again.close();
      }
    }
  }

  @Test
  void aDraftCanBeCreatedOpenedDeletedAndRestored(FxRobot robot) throws Exception {
    selectLanguage(robot, UiLanguage.EN);
    ListView<FormListing> forms = robot.lookup("#formList").queryListView();
    waitUntil(() -> forms.getItems().size() == 3);
    // Startable once the form engine has checked it.
    waitForCheckedForms(forms);
    Shown.click(robot, "Beta form (version 2.1.0)");
    Shown.click(robot, "#newDraft");
    waitUntil(() -> robot.lookup("#formEditor").tryQuery().isPresent());
    // Type the patient's family name and PINFL; autosave puts them into the draft list.
    Shown.click(robot, window.openEditor().editor().inputOf(ItemPath.of("family")).orElseThrow());
    robot.write("Karimova");
    Shown.click(robot, window.openEditor().editor().inputOf(ItemPath.of("pinfl")).orElseThrow());
    robot.write("41234567890123");
    robot.type(javafx.scene.input.KeyCode.TAB);

    Shown.click(robot, "#backHome");
    TableView<DraftRow> table = robot.lookup("#draftTable").queryTableView();
    waitUntil(
        () ->
            table.getItems().size() == 1
                && "Karimova".equals(table.getItems().get(0).patientName()));
    assertThat(table.getItems().get(0).formId()).isEqualTo("beta");
    assertThat(table.getItems().get(0).pinfl()).isEqualTo("41234567890123");

    // Reopened, the answers are back.
    Shown.click(robot, "Karimova");
    Shown.click(robot, "#openDraft");
    waitUntil(() -> robot.lookup("#formEditor").tryQuery().isPresent());
    assertThat(
            window
                .openEditor()
                .editor()
                .viewModel()
                .session()
                .state(ItemPath.of("family"))
                .orElseThrow()
                .answers())
        .containsExactly(new AnswerValue.StringValue("Karimova"));
    robot.type(javafx.scene.input.KeyCode.ESCAPE);
    robot.type(javafx.scene.input.KeyCode.ESCAPE);
    waitUntil(() -> robot.lookup("#draftTable").tryQuery().isPresent());

    // Delete asks first; cancel keeps it.
    Shown.click(robot, "Karimova");
    Shown.click(robot, "#deleteDraft");
    clickVisible(robot, "Cancel");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(table.getItems()).hasSize(1);

    Shown.click(robot, "Karimova");
    Shown.click(robot, "#deleteDraft");
    clickVisible(robot, "Delete");
    waitUntil(() -> table.getItems().isEmpty());

    // Soft delete: still there under "Show deleted", and restorable.
    Shown.click(robot, "#showDeleted");
    waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).deleted());
    Shown.click(robot, "Karimova");
    Shown.click(robot, "#restoreDraft");
    waitUntil(() -> table.getItems().size() == 1 && !table.getItems().get(0).deleted());
  }

  @Test
  void aDraftWhoseFormBrokeOpensReadOnlyAndKeepsItsAnswers(FxRobot robot) throws Exception {
    String id =
        runtime
            .context()
            .drafts()
            .create("alpha", "1.0.0", "https://forms.dhp.uz/test/alpha|1.0.0");
    Files.writeString(
        formsDir.resolve("alpha/questionnaire.json"), "{\"resourceType\":\"Patient\"}");
    robot.interact(() -> window.openDraft(id));
    waitUntil(() -> robot.lookup("#draftView").tryQuery().isPresent());
    assertThat(robot.lookup("#draftAnswers").queryTextInputControl().getText())
        .contains("\"status\":\"in-progress\"");
    org.controlsfx.control.NotificationPane bar = robot.lookup("#notifications").query();
    waitUntil(bar::isShowing);
    assertThat(bar.getText())
        .startsWith(runtime.context().i18n().get("draft.formUnavailable", "").substring(0, 20));
    assertThat(runtime.context().drafts().open(id)).isPresent();
  }

  @Test
  void importedCodeListsLandInTheDataFolderAndBadFilesAreNamedWithTheirReason(FxRobot robot)
      throws Exception {
    selectLanguage(robot, UiLanguage.EN);
    Path good = temp.resolve("gender-cs.json");
    Files.writeString(
        good,
        """
        {"resourceType":"CodeSystem","url":"https://example.org/cs/test-gender","status":"active",
         "content":"complete","concept":[{"code":"f","display":"female"}]}
        """);
    Path bad = temp.resolve("notes.json");
    Files.writeString(bad, "{\"resourceType\":\"Patient\"}");
    Path valueSet = temp.resolve("gender-vs.json");
    Files.writeString(
        valueSet,
        """
        {"resourceType":"ValueSet","url":"https://example.org/vs/test-gender","status":"active",
         "compose":{"include":[{"system":"https://example.org/cs/test-gender"}]}}
        """);
    // A form that needs the value set: it is listed without the warning "code list not imported"
    // only once the lists are in use, without a restart.
    Path gamma = Files.createDirectories(formsDir.resolve("gamma"));
    Files.writeString(
        gamma.resolve("questionnaire.json"),
        """
        {"resourceType":"Questionnaire","id":"gamma","version":"1.0.0","status":"active",
         "title":"Gamma","item":[{"linkId":"sex","type":"coding","text":"Jinsi",
          "answerValueSet":"https://example.org/vs/test-gender"}]}
        """);
    ListView<FormListing> forms = robot.lookup("#formList").queryListView();
    waitForCheckedForms(forms);
    assertThat(runtime.context().formServices().start().join().terminology().valueSetCount())
        .isZero();
    robot.interact(() -> window.importFiles(List.of(good, bad, valueSet)));
    org.controlsfx.control.NotificationPane bar = robot.lookup("#notifications").query();
    WaitForAsyncUtils.waitFor(
        60, TimeUnit.SECONDS, () -> bar.isShowing() && bar.getText().startsWith("Imported"));
    assertThat(bar.getText())
        .contains("1 code systems")
        .contains("1 value sets")
        .contains("Skipped files: 1")
        .contains("notes.json is a FHIR Patient")
        .contains("used from now on");
    try (var files = Files.list(dataDir.resolve("terminology"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("gender-cs.json", "gender-vs.json");
    }
    waitUntil(
        () ->
            forms.getItems().stream()
                .anyMatch(
                    f ->
                        f instanceof FormListing.Available a
                            && a.formId().equals("gamma")
                            && a.warnings() == 0));
    assertThat(runtime.context().formServices().start().join().terminology().valueSetCount())
        .isEqualTo(1);
  }

  @Test
  void clinicSettingsOpenFromTheTopBarAndEscGoesBackHome(FxRobot robot) throws Exception {
    selectLanguage(robot, UiLanguage.EN);
    Shown.click(robot, "#navClinic");
    waitUntil(() -> window.masterDataView() != null);
    assertThat(robot.lookup("Clinic settings: clinic, departments, staff").tryQuery()).isPresent();
    robot.type(javafx.scene.input.KeyCode.ESCAPE);
    waitUntil(() -> robot.lookup("#draftTable").tryQuery().isPresent());
  }

  @Test
  void searchFiltersTheDraftList(FxRobot robot) throws Exception {
    DraftIndex drafts = runtime.context().drafts();
    drafts.create("alpha", "1.0.0", "https://forms.dhp.uz/test/alpha|1.0.0");
    drafts.create("beta", "2.1.0", "https://forms.dhp.uz/test/beta|2.1.0");
    drafts.create("beta", "2.1.0", "https://forms.dhp.uz/test/beta|2.1.0");
    TableView<DraftRow> table = robot.lookup("#draftTable").queryTableView();
    robot.interact(
        () -> robot.lookup("#showDeleted").queryAs(javafx.scene.control.CheckBox.class).fire());
    robot.interact(
        () -> robot.lookup("#showDeleted").queryAs(javafx.scene.control.CheckBox.class).fire());
    waitUntil(() -> table.getItems().size() == 3);
    Shown.click(robot, "#draftSearch").write("alph");
    waitUntil(() -> table.getItems().size() == 1);
    assertThat(table.getItems().get(0).formId()).isEqualTo("alpha");
  }

  private void selectLanguage(FxRobot robot, UiLanguage language) {
    ComboBox<UiLanguage> box = robot.lookup("#languageSwitch").queryComboBox();
    robot.interact(() -> box.setValue(language));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /**
   * Clicks the button with this text once the notification bar has slid in completely: during the
   * slide the button is visible but partly outside the scene, and a click there would miss. Two
   * looks within one animation pulse see the same bounds, so "settled" means unchanged bounds for
   * longer than the bar's slide animation.
   */
  private static void clickVisible(FxRobot robot, String text) throws Exception {
    java.util.concurrent.atomic.AtomicReference<Button> target =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicReference<javafx.geometry.Bounds> lastBounds =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicLong stableSince =
        new java.util.concurrent.atomic.AtomicLong();
    org.controlsfx.control.NotificationPane bar = robot.lookup("#notifications").query();
    waitUntil(
        () -> {
          Optional<Button> b =
              robot
                  .lookup(n -> n instanceof Button x && text.equals(x.getText()))
                  .match(org.testfx.util.NodeQueryUtils.isVisible())
                  .tryQuery();
          if (!bar.isShowing() || b.isEmpty() || b.get().getScene() == null) {
            target.set(null);
            return false;
          }
          javafx.geometry.Bounds inScene = b.get().localToScene(b.get().getBoundsInLocal());
          boolean inside =
              inScene.getMinY() >= 0
                  && inScene.getMaxY() <= b.get().getScene().getHeight()
                  && inScene.getHeight() > 0;
          long now = System.nanoTime();
          if (!inside || target.get() != b.get() || !inScene.equals(lastBounds.get())) {
            target.set(b.get());
            lastBounds.set(inScene);
            stableSince.set(now);
            return false;
          }
          return now - stableSince.get() >= TimeUnit.MILLISECONDS.toNanos(600);
        });
    Shown.click(robot, target.get());
  }

  /** The quick list is replaced by the form engine's checked one. */
  static void waitForCheckedForms(ListView<FormListing> forms) throws Exception {
    waitUntil(
        () ->
            !forms.getItems().isEmpty()
                && forms.getItems().stream()
                    .allMatch(f -> !(f instanceof FormListing.Available a) || a.checked()));
  }

  static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void writeForm(String id, String uz, String ru, String en, String version)
      throws IOException {
    Path dir = Files.createDirectories(formsDir.resolve(id));
    String json =
        """
        {"resourceType":"Questionnaire","id":"%s","version":"%s","status":"active",
         "title":"%s",
         "_title":{"extension":[
           {"url":"http://hl7.org/fhir/StructureDefinition/translation","extension":[
             {"url":"lang","valueCode":"ru"},{"url":"content","valueString":"%s"}]},
           {"url":"http://hl7.org/fhir/StructureDefinition/translation","extension":[
             {"url":"lang","valueCode":"en"},{"url":"content","valueString":"%s"}]}]},
         "item":[
           {"linkId":"family","type":"string","text":"Familiya",
            "definition":"https://dhp.uz/fhir/core/StructureDefinition/uz-core-patient#Patient.name.family"},
           {"linkId":"pinfl","type":"string","text":"JShShIR",
            "definition":"https://dhp.uz/fhir/core/StructureDefinition/uz-core-patient#Patient.identifier:nationalId.value"}]}
        """
            .formatted(id, version, uz, ru, en);
    Files.writeString(dir.resolve("questionnaire.json"), json, StandardCharsets.UTF_8);
  }
}
