package uz.dhp.forms.form.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.dhp.forms.form.ui.EditorHarness.control;
import static uz.dhp.forms.form.ui.EditorHarness.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
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

/** Keyboard-first entry on the sample form: Enter, F8, Ctrl+F, tables, language switch. */
@ExtendWith(ApplicationExtension.class)
class VitalsKeyboardTest {

  static FormEngine engine;
  static FormDefinition vitals;
  @TempDir static Path temp;

  EditorHarness h;

  @BeforeAll
  static void load() {
    engine = new FormEngine(FormFixtures.ctx(), TerminologySource.none());
    vitals = FormFixtures.definition(engine, "sample-vitals");
  }

  @Start
  void start(Stage stage) throws Exception {
    h = new EditorHarness(engine, vitals, UiLanguage.EN);
    h.show(
        stage,
        new FileDraftSink(Files.createTempFile(temp, "draft", ".json")),
        TerminologySource.none(),
        (owner, title) -> Optional.empty());
  }

  @AfterEach
  void close() {
    h.close();
  }

  private static Optional<ItemPath> focused(FxRobot robot) {
    return FormEditor.pathOf(robot.targetWindow().getScene().getFocusOwner());
  }

  @Test
  void enterMovesToTheNextFieldInFormOrder(FxRobot robot) throws Exception {
    robot.clickOn(control(robot, "visit-date", ".date-field")).write("05032024");
    robot.type(KeyCode.ENTER);
    assertThat(focused(robot)).contains(ItemPath.of("visit-time"));
    robot.write("1015").type(KeyCode.ENTER);
    assertThat(focused(robot)).contains(ItemPath.of("weight"));
    robot.write("70").type(KeyCode.ENTER).write("170").type(KeyCode.ENTER);
    // The calculated BMI is skipped: next is "smokes?".
    assertThat(focused(robot)).contains(ItemPath.of("smoker"));
    waitUntil(() -> h.answer("bmi").isPresent());
  }

  @Test
  void f8JumpsFromProblemToProblemAndShowsTheMessage(FxRobot robot) throws Exception {
    robot.clickOn(control(robot, "phone", ".text-field")).write("12");
    robot.type(KeyCode.F8);
    // After "phone" (pattern error) the next problem wraps to the first: visit date is required.
    assertThat(focused(robot)).contains(ItemPath.of("visit-date"));
    Label problems =
        robot.from(EditorHarness.itemNode(robot, "visit-date")).lookup(".item-problems").query();
    assertThat(problems.isVisible()).isTrue();
    robot.type(KeyCode.F8);
    assertThat(focused(robot)).contains(ItemPath.of("weight"));
    robot.type(KeyCode.F8);
    assertThat(focused(robot)).contains(ItemPath.of("phone"));
  }

  @Test
  void ctrlFFindsAFieldByAPartOfItsLabel(FxRobot robot) throws Exception {
    robot.clickOn(control(robot, "visit-date", ".date-field"));
    robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
    TextField finder = robot.lookup("#fieldFinder").queryAs(TextField.class);
    assertThat(finder.isFocused()).isTrue();
    robot.write("mass");
    robot.type(KeyCode.ENTER);
    assertThat(focused(robot)).contains(ItemPath.of("bmi"));
    robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
    robot.write("pho").type(KeyCode.ENTER).write("+998");
    waitUntil(() -> h.answer("phone").isPresent());
  }

  @Test
  void tableRowsGrowShrinkMoveAndUndo(FxRobot robot) throws Exception {
    robot.clickOn(control(robot, "meds/med-name", ".text-field")).write("Asp");
    robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
    waitUntil(() -> h.vm.session().rowCount(ItemPath.parse("meds")) == 2);
    assertThat(focused(robot))
        .as(String.valueOf(robot.targetWindow().getScene().getFocusOwner()))
        .contains(ItemPath.parse("meds[1]/med-name"));
    robot.write("Ibu").type(KeyCode.TAB).write("200");
    waitUntil(() -> h.answer("meds[1]/med-dose").isPresent());
    assertThat(h.answer("meds[1]/med-dose").orElseThrow())
        .isInstanceOfSatisfying(
            AnswerValue.QuantityValue.class, q -> assertThat(q.code()).isEqualTo("mg"));

    // Alt+Up moves the row with its answers.
    robot.clickOn(control(robot, "meds[1]/med-name", ".text-field"));
    robot.press(KeyCode.ALT).type(KeyCode.UP).release(KeyCode.ALT);
    waitUntil(
        () -> h.answer("meds[0]/med-name").equals(Optional.of(new AnswerValue.StringValue("Ibu"))));
    assertThat(h.answer("meds[1]/med-name")).contains(new AnswerValue.StringValue("Asp"));
    TextField first = control(robot, "meds[0]/med-name", ".text-field", TextField.class);
    assertThat(first.getText()).isEqualTo("Ibu");

    // Ctrl+Delete removes the focused row; the undo bar brings it back with its answers.
    robot.clickOn(first);
    robot.press(KeyCode.CONTROL).type(KeyCode.DELETE).release(KeyCode.CONTROL);
    waitUntil(() -> h.vm.session().rowCount(ItemPath.parse("meds")) == 1);
    Node undoBar = robot.lookup("#undoBar").query();
    assertThat(undoBar.isVisible()).isTrue();
    assertThat(h.answer("meds[0]/med-name")).contains(new AnswerValue.StringValue("Asp"));
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    waitUntil(() -> h.vm.session().rowCount(ItemPath.parse("meds")) == 2);
    assertThat(h.answer("meds[0]/med-name")).contains(new AnswerValue.StringValue("Ibu"));
    assertThat(h.answer("meds[0]/med-dose")).isPresent();
    assertThat(undoBar.isVisible()).isFalse();
  }

  @Test
  void switchingTheLanguageRelabelsFieldsOptionsAndMessagesWithoutLosingAnswers(FxRobot robot)
      throws Exception {
    robot.clickOn(control(robot, "weight", ".text-field")).write("1000");
    Label weightLabel =
        robot.from(EditorHarness.itemNode(robot, "weight")).lookup(".item-label").query();
    assertThat(weightLabel.getText()).isEqualTo("Weight, kg *");
    robot.interact(() -> h.i18n.setLanguage(UiLanguage.RU));
    assertThat(weightLabel.getText()).isEqualTo("Вес, кг *");
    assertThat(robot.from(EditorHarness.itemNode(robot, "smoker")).lookup("Да").tryQuery())
        .isPresent();
    assertThat(robot.from(EditorHarness.itemNode(robot, "sex")).lookup("Женский").tryQuery())
        .isPresent();
    assertThat(robot.lookup("#fieldFinder").queryAs(TextField.class).getPromptText())
        .isEqualTo("Найти поле (Ctrl+F)");
    robot.interact(() -> h.i18n.setLanguage(UiLanguage.UZ_CYRL));
    assertThat(weightLabel.getText()).isEqualTo("Вазн, кг *");
    assertThat(control(robot, "weight", ".text-field", TextField.class).getText())
        .isEqualTo("1000");
  }

  @Test
  void f1ShowsTheShortcutsInTheCurrentLanguage(FxRobot robot) {
    robot.clickOn(control(robot, "phone", ".text-field"));
    Label help = robot.lookup("#helpText").queryAs(Label.class);
    assertThat(EditorHarness.showing(help)).isFalse();
    robot.type(KeyCode.F1);
    assertThat(EditorHarness.showing(help)).isTrue();
    assertThat(help.getText()).contains("F8").contains("Ctrl+F").contains("Ctrl+Enter");
    robot.interact(() -> h.i18n.setLanguage(UiLanguage.UZ_LATN));
    assertThat(help.getText()).startsWith("Klaviatura tugmalari");
    robot.type(KeyCode.F1);
    assertThat(EditorHarness.showing(help)).isFalse();
  }
}
