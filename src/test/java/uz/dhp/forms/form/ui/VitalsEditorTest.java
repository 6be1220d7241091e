package uz.dhp.forms.form.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.dhp.forms.form.ui.EditorHarness.assertVisible;
import static uz.dhp.forms.form.ui.EditorHarness.control;
import static uz.dhp.forms.form.ui.EditorHarness.itemNode;
import static uz.dhp.forms.form.ui.EditorHarness.waitUntil;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.terminology.TerminologySource;

/** The sample vitals form typed into through the keyboard, as a clerk would. */
@ExtendWith(ApplicationExtension.class)
class VitalsEditorTest {

  static FormEngine engine;
  static FormDefinition vitals;
  @TempDir static Path temp;

  EditorHarness h;
  FileDraftSink sink;

  @BeforeAll
  static void load() {
    engine = new FormEngine(FormFixtures.ctx(), TerminologySource.none());
    vitals = FormFixtures.definition(engine, "sample-vitals");
  }

  @Start
  void start(Stage stage) throws Exception {
    h = new EditorHarness(engine, vitals, UiLanguage.EN);
    sink = new FileDraftSink(Files.createTempFile(temp, "draft", ".json"));
    h.show(stage, sink, TerminologySource.none(), (owner, title) -> Optional.empty());
  }

  @AfterEach
  void close() {
    h.close();
  }

  private static AnswerValue dec(String v) {
    return new AnswerValue.DecimalValue(new BigDecimal(v));
  }

  @Test
  void typedValuesOfEveryKindReachTheSessionAndBmiIsCalculatedLive(FxRobot robot) throws Exception {
    robot.clickOn(control(robot, "visit-date", ".date-field")).write("05.03.2024");
    robot.clickOn(control(robot, "visit-time", ".text-field")).write("0930");
    robot.clickOn(control(robot, "weight", ".text-field")).write("70");
    robot.clickOn(control(robot, "height", ".text-field")).write("175");
    robot.clickOn(control(robot, "phone", ".text-field")).write("+998901234567");
    robot.clickOn(control(robot, "notes", ".text-area")).write("line one");
    robot.type(KeyCode.ENTER).write("line two");
    waitUntil(() -> h.answer("height").isPresent());

    assertThat(h.answer("visit-date")).contains(new AnswerValue.DateValue("2024-03-05"));
    assertThat(h.answer("visit-time")).contains(new AnswerValue.TimeValue(LocalTime.of(9, 30)));
    assertThat(h.answer("weight")).contains(dec("70"));
    assertThat(h.answer("phone")).contains(new AnswerValue.StringValue("+998901234567"));
    // Enter in multi-line text is a new line, not "next field".
    assertThat(h.answer("notes")).contains(new AnswerValue.StringValue("line one\nline two"));
    TextField bmi = control(robot, "bmi", ".text-field", TextField.class);
    assertThat(bmi.getText()).isEqualTo("22.9");
    assertThat(bmi.isEditable()).as("calculated field is read-only").isFalse();

    robot.doubleClickOn(control(robot, "height", ".text-field")).write("180");
    waitUntil(() -> "21.6".equals(bmi.getText()));
  }

  @Test
  void datesTypedWithoutSeparatorsAndBadDatesAreExplained(FxRobot robot) throws Exception {
    TextField date = control(robot, "visit-date", ".date-field", TextField.class);
    robot.clickOn(date).write("05032024");
    waitUntil(() -> h.answer("visit-date").isPresent());
    assertThat(h.answer("visit-date")).contains(new AnswerValue.DateValue("2024-03-05"));

    robot.doubleClickOn(date).eraseText(8).write("31.02.2024");
    robot.clickOn(control(robot, "phone", ".text-field"));
    Label problems = robot.from(itemNode(robot, "visit-date")).lookup(".item-problems").query();
    waitUntil(problems::isVisible);
    assertThat(problems.getText()).contains("Not a date");
    assertThat(h.answer("visit-date")).isEmpty();
  }

  @Test
  void packsShowOnlyForSmokers(FxRobot robot) throws Exception {
    assertVisible(robot, "packs", false);
    RadioButton yes = robot.from(itemNode(robot, "smoker")).lookup("Yes").query();
    robot.clickOn(yes);
    waitUntil(() -> EditorHarness.showing(itemNode(robot, "packs")));
    robot.clickOn(control(robot, "packs", ".text-field")).write("2");
    waitUntil(() -> h.answer("packs").isPresent());
    robot.clickOn(robot.from(itemNode(robot, "smoker")).lookup("No").queryAs(Node.class));
    waitUntil(
        () ->
            !EditorHarness.findItemNode(robot, "packs").map(EditorHarness::showing).orElse(false));
    assertThat(
            h.vm
                .session()
                .toQuestionnaireResponseJson(uz.dhp.forms.form.answer.ResponseStatus.IN_PROGRESS))
        .doesNotContain("\"packs\"");
  }

  @Test
  void aValidationMessageAppearsUnderTheFieldAndClears(FxRobot robot) throws Exception {
    TextField weight = control(robot, "weight", ".text-field", TextField.class);
    robot.clickOn(weight).write("1000");
    Label problems = robot.from(itemNode(robot, "weight")).lookup(".item-problems").query();
    waitUntil(problems::isVisible);
    assertThat(h.vm.issues()).anyMatch(i -> i.key().equals("form.validation.max"));
    assertThat(h.vm.finalizableProperty().get()).isFalse();

    robot.doubleClickOn(weight).write("70");
    waitUntil(() -> !problems.isVisible());
    assertThat(h.vm.issues()).noneMatch(i -> i.path().equals(ItemPath.of("weight")));
  }

  @Test
  void keysTypedWhileTheFormIsBusyBecomeOneEdit(FxRobot robot) throws Exception {
    TextField weight = control(robot, "weight", ".text-field", TextField.class);
    java.util.List<uz.dhp.forms.form.rules.ChangeSet> edits = new java.util.ArrayList<>();
    robot.interact(
        () -> {
          h.vm.addChangeListener(edits::add);
          // Three keys already queued when the FX thread gets to them (e.g. after a slow
          // recalculation): handled in one go, they reach the engine once.
          for (String ch : new String[] {"7", "2", "5"}) {
            weight.fireEvent(
                new javafx.scene.input.KeyEvent(
                    javafx.scene.input.KeyEvent.KEY_TYPED,
                    ch,
                    ch,
                    KeyCode.UNDEFINED,
                    false,
                    false,
                    false,
                    false));
          }
        });
    waitUntil(() -> h.answer("weight").isPresent());
    assertThat(weight.getText()).isEqualTo("725");
    assertThat(h.answer("weight")).contains(dec("725"));
    assertThat(edits).hasSize(1);
  }
}
