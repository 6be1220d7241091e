package uz.dhp.forms.form.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.io.FormLoader;
import uz.dhp.forms.form.io.LoadOutcome;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.form.rules.FormSession;
import uz.dhp.forms.form.rules.OpenOutcome;
import uz.dhp.forms.form.ui.ReferenceChoices.Choice;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.terminology.TerminologySource;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.TaskRunner;

/**
 * Reference items pick from the choices the application supplies: type-ahead, Enter / Tab pick, and
 * the answer is a Reference with the choice's display; without choices they stay read-only.
 */
@ExtendWith(ApplicationExtension.class)
class ReferenceEditorTest {

  private static final String FORM =
      """
      {"resourceType":"Questionnaire","id":"ref-test","url":"https://forms.dhp.uz/fhir/Questionnaire/ref-test",
       "version":"0.0.1","name":"RefTest","title":"References","status":"draft",
       "item":[
        {"linkId":"doctor","text":"Doctor","type":"reference",
         "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/questionnaire-referenceResource","valueCode":"PractitionerRole"}]},
        {"linkId":"nurse","text":"Nurse","type":"reference",
         "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/questionnaire-referenceResource","valueCode":"PractitionerRole"}]},
        {"linkId":"ward","text":"Ward","type":"reference",
         "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/questionnaire-referenceResource","valueCode":"Location"}]},
        {"linkId":"patient","text":"Patient","type":"reference",
         "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/questionnaire-referenceResource","valueCode":"Patient"}]}
       ]}
      """;

  private static final ReferenceChoices STAFF =
      type ->
          type.equals("PractitionerRole")
              ? List.of(
                  new Choice("PractitionerRole/rasulov", "Rasulov Bahrom", "Terapevt"),
                  new Choice("PractitionerRole/karimova", "Karimova Nodira", "Hamshira"),
                  new Choice("PractitionerRole/karimov", "Karimov Anvar", "Jarroh"))
              : List.of();

  static FormEngine engine;
  static FormDefinition definition;
  final TaskRunner tasks = TaskRunner.background();
  final I18n i18n = new I18n(UiLanguage.EN);
  FormEditorViewModel vm;

  @BeforeAll
  static void load() {
    engine = new FormEngine(FormFixtures.ctx(), TerminologySource.none());
    LoadOutcome o = new FormLoader(FormFixtures.ctx(), engine).parse("ref-test", FORM);
    assertThat(o).isInstanceOf(LoadOutcome.Loaded.class);
    definition = ((LoadOutcome.Loaded) o).definition();
  }

  @Start
  void start(Stage stage) {
    FormSession session = ((OpenOutcome.Opened) engine.open(definition)).session();
    vm =
        new FormEditorViewModel(
            session,
            json -> new DraftSink.SaveOutcome.Saved(),
            tasks::run,
            Scheduler.fx(),
            Clock.systemUTC());
    FormEditor editor =
        new FormEditor(
            vm,
            i18n,
            TerminologySource.none(),
            tasks::run,
            ZoneId.of("Asia/Tashkent"),
            FilePicker.system(),
            STAFF);
    stage.setScene(new Scene(editor.root(), 1000, 700));
    stage.show();
  }

  @AfterEach
  void close() {
    javafx.application.Platform.runLater(vm::close);
    WaitForAsyncUtils.waitForFxEvents();
    tasks.close();
  }

  private TextField field(FxRobot robot, String linkId) {
    return EditorHarness.control(robot, linkId, ".text-field", TextField.class);
  }

  private Optional<AnswerValue> answer(String linkId) {
    return vm.session()
        .state(ItemPath.parse(linkId))
        .flatMap(s -> s.answers().stream().findFirst());
  }

  @Test
  void typingOffersMatchingPractitionersAndEnterPicksTheReference(FxRobot robot) throws Exception {
    TextField doctor = field(robot, "doctor");
    assertThat(doctor.isEditable()).isTrue();
    robot.clickOn(doctor).write("karim");
    WaitForAsyncUtils.waitForFxEvents();
    var list = robot.lookup(".suggestions").queryListView();
    assertThat(list.getItems())
        .extracting(c -> ((Choice) c).reference())
        .containsExactlyInAnyOrder("PractitionerRole/karimova", "PractitionerRole/karimov");
    robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
    Choice second = (Choice) list.getItems().get(1);
    EditorHarness.waitUntil(() -> answer("doctor").isPresent());
    assertThat(answer("doctor"))
        .contains(new AnswerValue.ReferenceValue(second.reference(), second.display()));
    assertThat(doctor.getText()).isEqualTo(second.display());
  }

  @Test
  void downOpensTheWholeListAndTabPicksTheSelectedEntry(FxRobot robot) throws Exception {
    TextField nurse = field(robot, "nurse");
    robot.clickOn(nurse).type(KeyCode.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup(".suggestions").queryListView().getItems()).hasSize(3);
    robot.type(KeyCode.TAB);
    EditorHarness.waitUntil(() -> answer("nurse").isPresent());
    assertThat(answer("nurse"))
        .contains(new AnswerValue.ReferenceValue("PractitionerRole/rasulov", "Rasulov Bahrom"));
  }

  @Test
  void typedTextThatIsNoEntryIsNotStoredAndClearingRemovesTheAnswer(FxRobot robot)
      throws Exception {
    TextField doctor = field(robot, "doctor");
    robot.clickOn(doctor).write("Rasul").type(KeyCode.ENTER);
    EditorHarness.waitUntil(() -> answer("doctor").isPresent());
    robot.eraseText(doctor.getText().length());
    EditorHarness.waitUntil(() -> answer("doctor").isEmpty());
    robot.write("Nobody here");
    robot.clickOn(field(robot, "nurse"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(answer("doctor")).isEmpty();
    assertThat(robot.lookup(i18n.get("form.ui.reference.pick")).tryQuery()).isPresent();
  }

  @Test
  void withoutChoicesTheFieldIsReadOnlyAndSaysWhereToAddThem(FxRobot robot) {
    TextField ward = field(robot, "ward");
    TextField patient = field(robot, "patient");
    assertThat(ward.isEditable()).isFalse();
    assertThat(ward.getPromptText()).isEqualTo(i18n.get("form.ui.reference.noChoices"));
    assertThat(patient.isEditable()).isFalse();
    assertThat(patient.getPromptText()).isEqualTo(i18n.get("form.ui.reference.fromRecord"));
  }
}
