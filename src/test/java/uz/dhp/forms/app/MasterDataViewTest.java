package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import uz.dhp.forms.app.MasterDataRows.DepartmentRow;
import uz.dhp.forms.app.MasterDataRows.PractitionerRow;
import uz.dhp.forms.document.master.ClinicPractitioner;
import uz.dhp.forms.document.master.MasterDataJson;
import uz.dhp.forms.document.pinfl.PinflCheck;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.terminology.Concept;
import uz.dhp.forms.terminology.ValueSetExpansion;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.Shown;
import uz.dhp.forms.ui.TaskRunner;

/** The master-data screen on a real stage, saving into settings and reading them back. */
@ExtendWith(ApplicationExtension.class)
class MasterDataViewTest {

  final TaskRunner tasks = TaskRunner.background();
  final I18n i18n = new I18n(UiLanguage.EN);
  final AppSettings settings = new MemorySettings();
  Stage stage;
  MasterDataViewModel vm;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(new javafx.scene.layout.Pane(), 1100, 800));
    stage.show();
  }

  @AfterEach
  void close() {
    tasks.close();
  }

  private void open(FxRobot robot, Map<String, Integer> usedInDrafts) throws Exception {
    open(robot, usedInDrafts, Optional.empty());
  }

  private void open(
      FxRobot robot, Map<String, Integer> usedInDrafts, Optional<ValueSetExpansion> positions)
      throws Exception {
    robot.interact(
        () -> {
          vm =
              new MasterDataViewModel(
                  new MasterDataStore(settings),
                  () -> usedInDrafts,
                  () -> positions,
                  new PinflCheck(Clock.systemUTC()),
                  tasks);
          stage.getScene().setRoot(new MasterDataView(vm, i18n).root());
        });
    waitUntil(() -> vm.loaded.get());
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup("#" + id).queryAs(Label.class).getText();
  }

  private static void replace(FxRobot robot, String id, String value) throws Exception {
    TextField f = robot.lookup("#" + id).queryAs(TextField.class);
    Shown.click(robot, f);
    robot.interact(f::selectAll);
    robot.write(value);
  }

  @Test
  void badPinflIsExplainedInlineAndAFixedPractitionerIsSavedAndReadBack(FxRobot robot)
      throws Exception {
    open(robot, Map.of());
    assertThat(vm.status.get().key()).isEqualTo("masterData.status.empty");
    Shown.click(robot, "#clinicName").write("Sinov klinikasi");
    Shown.click(robot, i18n.get("masterData.tab.practitioners"));
    Shown.click(robot, "#practitionerAdd");
    // Add puts the cursor in the first field of the new row.
    robot.write("31204909999994");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(text(robot, "practitionerPinflNote"))
        .isEqualTo(i18n.get("document.pinfl.checkDigit"));

    robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.status.get().key()).isEqualTo("masterData.status.hasErrors");
    assertThat(settings.get(MasterDataStore.KEY)).isEmpty();

    replace(robot, "practitionerPinfl", "31204909999995");
    replace(robot, "practitionerFamily", "Rasulov");
    replace(robot, "practitionerGiven", "Bahrom");
    replace(robot, "practitionerPositionCode", "2211.6");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(text(robot, "practitionerPinflNote")).isEmpty();
    assertThat(vm.errorCount.get()).isZero();

    robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
    waitUntil(() -> vm.status.get().key().equals("masterData.status.saved"));
    assertThat(text(robot, "masterDataStatus")).isEqualTo(i18n.get("masterData.status.saved"));

    open(robot, Map.of());
    assertThat(vm.status.get().key()).isEqualTo("masterData.status.loaded");
    assertThat(vm.clinicName.get()).isEqualTo("Sinov klinikasi");
    ClinicPractitioner saved = vm.snapshot().practitioners().get(0);
    assertThat(saved)
        .isEqualTo(
            new ClinicPractitioner(
                "rasulov-bahrom", "31204909999995", "Rasulov", "Bahrom", "", "2211.6", "", ""));
    Shown.click(robot, i18n.get("masterData.tab.practitioners"));
    TableView<?> table = robot.lookup("#practitionerTable").queryAs(TableView.class);
    assertThat(table.getItems()).hasSize(1);
  }

  @Test
  void aSavedKeyStaysWhenTheNameChanges(FxRobot robot) throws Exception {
    settings.put(MasterDataStore.KEY, new MasterDataJson().write(MasterDataStoreTest.sample()));
    open(robot, Map.of());
    Shown.click(robot, i18n.get("masterData.tab.departments"));
    TableView<?> table = robot.lookup("#departmentTable").queryAs(TableView.class);
    robot.interact(() -> table.getSelectionModel().select(0));
    TextField key = robot.lookup("#departmentKey").queryAs(TextField.class);
    assertThat(key.isEditable()).isFalse();
    replace(robot, "departmentName", "Ichki kasalliklar");
    Shown.click(robot, "#masterDataSave");
    waitUntil(() -> vm.status.get().key().equals("masterData.status.saved"));
    var stored = new MasterDataStore(settings).load().data().departments().get(0);
    assertThat(stored.key()).isEqualTo("ther");
    assertThat(stored.name()).isEqualTo("Ichki kasalliklar");
  }

  @Test
  void removingAPractitionerUsedInDraftsWarnsAndDiscardBringsItBack(FxRobot robot)
      throws Exception {
    settings.put(MasterDataStore.KEY, new MasterDataJson().write(MasterDataStoreTest.sample()));
    open(robot, Map.of("PractitionerRole/rasulov", 2));
    Shown.click(robot, i18n.get("masterData.tab.practitioners"));
    TableView<?> table = robot.lookup("#practitionerTable").queryAs(TableView.class);
    robot.interact(() -> table.getSelectionModel().select(0));
    Shown.click(robot, table).type(KeyCode.DELETE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.practitioners).isEmpty();
    assertThat(text(robot, "masterDataStatus"))
        .isEqualTo(i18n.get("masterData.status.removedReferenced", "Rasulov Bahrom", 2));

    Shown.click(robot, "#masterDataDiscard");
    waitUntil(() -> vm.practitioners.size() == 1);
    assertThat(vm.practitioners.stream().map(PractitionerRow::fullName))
        .containsExactly("Rasulov Bahrom");
    assertThat(vm.dirty.get()).isFalse();
  }

  @Test
  void positionCodesAreOfferedFromTheCodeListAndUnknownCodesWarned(FxRobot robot) throws Exception {
    String system = "https://terminology.dhp.uz/fhir/core/CodeSystem/position-and-profession-cs";
    ValueSetExpansion positions =
        new ValueSetExpansion(
            MasterDataViewModel.POSITIONS_VS,
            List.of(
                new Concept(system, "2211.6", "Terapevt", Map.of("ru", "Терапевт")),
                new Concept(system, "2212.1", "Jarroh", Map.of("ru", "Хирург"))));
    open(robot, Map.of(), Optional.of(positions));
    Shown.click(robot, i18n.get("masterData.tab.practitioners"));
    Shown.click(robot, "#practitionerAdd");
    Shown.click(robot, "#practitionerPositionCode").write("jarr");
    waitUntil(() -> robot.lookup(".list-view").tryQuery().isPresent());
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    PractitionerRow row = vm.practitioners.get(0);
    assertThat(row.positionCode.get()).isEqualTo("2212.1");
    assertThat(row.positionDisplay.get()).isEqualTo("Jarroh");
    assertThat(row.positionNote.get()).isNull();

    replace(robot, "practitionerPositionCode", "9999.9");
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(text(robot, "practitionerPositionCodeNote"))
        .isEqualTo(i18n.get("masterData.practitioner.position.unknown", "9999.9"));
    assertThat(row.positionNote.get().error()).isFalse();
  }

  @Test
  void duplicateKeysAreRefusedAndBlankKeysAreMadeUniqueOnSave(FxRobot robot) throws Exception {
    settings.put(MasterDataStore.KEY, new MasterDataJson().write(MasterDataStoreTest.sample()));
    open(robot, Map.of());
    robot.interact(
        () -> {
          DepartmentRow copy = vm.addDepartment();
          copy.name.set("Terapiya 2");
          copy.key.set("ther");
        });
    assertThat(vm.departments.get(1).keyNote.get().key()).isEqualTo("masterData.key.duplicate");
    robot.interact(() -> vm.save());
    assertThat(vm.status.get().key()).isEqualTo("masterData.status.hasErrors");

    robot.interact(
        () -> {
          vm.departments.get(1).key.set("");
          vm.departments.get(1).name.set("Jarrohlik");
          vm.addDepartment().name.set("Jarrohlik");
          vm.save();
        });
    waitUntil(() -> vm.status.get().key().equals("masterData.status.saved"));
    assertThat(new MasterDataStore(settings).load().data().departments())
        .extracting(d -> d.key())
        .containsExactly("ther", "jarrohlik", "jarrohlik-2");
  }
}
