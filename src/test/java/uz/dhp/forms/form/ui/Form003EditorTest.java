package uz.dhp.forms.form.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.dhp.forms.form.ui.EditorHarness.control;
import static uz.dhp.forms.form.ui.EditorHarness.findItemNode;
import static uz.dhp.forms.form.ui.EditorHarness.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.ListView;
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

/** Form 003 (large, paged): lazy sections, the navigator's counts, ICD-10 type-ahead. */
@ExtendWith(ApplicationExtension.class)
class Form003EditorTest {

  static SyntheticTerminology terminology;
  static FormEngine engine;
  static FormDefinition form003;
  @TempDir static Path temp;

  EditorHarness h;

  @BeforeAll
  static void load() {
    terminology = SyntheticTerminology.create();
    engine = new FormEngine(FormFixtures.ctx(), terminology);
    form003 = FormFixtures.definition(engine, "form-003");
  }

  @Start
  void start(Stage stage) throws Exception {
    h = new EditorHarness(engine, form003, UiLanguage.UZ_LATN);
    h.show(
        stage,
        new FileDraftSink(Files.createTempFile(temp, "draft", ".json")),
        terminology,
        (owner, title) -> Optional.empty());
  }

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void sectionsAreBuiltWhenShownAndTheNavigatorCountsFollowTheAnswers(FxRobot robot)
      throws Exception {
    ListView<Section> nav = robot.lookup("#sectionNavigator").queryListView();
    assertThat(nav.getItems()).hasSize(form003.items().size());
    var first = findItemNode(robot, "003.admin/003.admin.record-number");
    assertThat(first).isPresent();
    assertThat(findItemNode(robot, "003.personal/003.personal.pinfl"))
        .as("not built before shown")
        .isEmpty();

    robot.clickOn(control(robot, "003.admin/003.admin.record-number", ".text-field"));
    robot.press(KeyCode.CONTROL).type(KeyCode.PAGE_DOWN).release(KeyCode.CONTROL);
    assertThat(h.vm.currentSectionProperty().get()).isEqualTo(1);
    assertThat(nav.getSelectionModel().getSelectedIndex()).isEqualTo(1);
    Section personal = h.vm.sections().get(1);
    int answered = personal.requiredAnsweredProperty().get();
    int total = personal.requiredTotalProperty().get();
    int errors = personal.errorsProperty().get();
    assertThat(total).isGreaterThan(5);
    assertThat(errors).as("empty required fields count as errors").isEqualTo(total - answered);

    robot
        .clickOn(
            control(
                robot, "003.personal/003.personal.name/003.personal.name.family", ".text-field"))
        .write("Ali");
    waitUntil(() -> personal.requiredAnsweredProperty().get() == answered + 1);
    assertThat(SectionNavigator.text(h.i18n, personal)).contains((answered + 1) + "/" + total);
    assertThat(personal.errorsProperty().get()).isEqualTo(errors - 1);

    // Back to the first section: its view is kept, not rebuilt.
    robot.press(KeyCode.CONTROL).type(KeyCode.PAGE_UP).release(KeyCode.CONTROL);
    assertThat(findItemNode(robot, "003.admin/003.admin.record-number")).isEqualTo(first);
  }

  @Test
  void icd10TypeAheadSearchesThousandsOfCodesAndEnterPicks(FxRobot robot) throws Exception {
    int admission =
        h.vm.sections().stream()
            .filter(s -> s.linkIds().contains("003.admission"))
            .findFirst()
            .orElseThrow()
            .index();
    ListView<Section> nav = robot.lookup("#sectionNavigator").queryListView();
    robot.interact(() -> nav.getSelectionModel().select(admission));
    TextField dx =
        control(robot, "003.admission/003.admission.admission-dx", ".text-field", TextField.class);
    robot.clickOn(dx).write("pnev j1");
    waitUntil(() -> robot.lookup(".suggestions").tryQuery().map(n -> n.isVisible()).orElse(false));
    ListView<?> list = robot.lookup(".suggestions").queryListView();
    assertThat(list.getItems()).isNotEmpty();
    robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
    waitUntil(() -> h.answer("003.admission/003.admission.admission-dx").isPresent());
    AnswerValue.CodingValue picked =
        (AnswerValue.CodingValue)
            h.answer("003.admission/003.admission.admission-dx").orElseThrow();
    assertThat(picked.code()).startsWith("J1");
    assertThat(picked.display()).startsWith("Pnevmoniya");
    assertThat(dx.getText()).startsWith(picked.code());
  }

  @Test
  void theProblemListJumpsToTheFieldInItsSection(FxRobot robot) throws Exception {
    assertThat(h.vm.currentSectionProperty().get()).isZero();
    ListView<uz.dhp.forms.form.rules.ValidationIssue> issues =
        robot.lookup("#issueList").queryListView();
    ItemPath pinfl = ItemPath.parse("003.personal/003.personal.pinfl");
    // The list is filled after the editor's first frame.
    waitUntil(
        () -> org.testfx.util.WaitForAsyncUtils.asyncFx(() -> !issues.getItems().isEmpty()).get());
    int index = -1;
    for (int i = 0; i < issues.getItems().size(); i++) {
      if (issues.getItems().get(i).path().equals(pinfl)) {
        index = i;
      }
    }
    assertThat(index).as("required PINFL is listed").isNotNegative();
    int row = index;
    robot.interact(
        () -> {
          issues.scrollTo(row);
          issues.getSelectionModel().select(row);
          issues.requestFocus();
        });
    robot.type(KeyCode.ENTER);
    assertThat(h.vm.currentSectionProperty().get()).isEqualTo(h.vm.sectionOf(pinfl));
    assertThat(FormEditor.pathOf(robot.targetWindow().getScene().getFocusOwner())).contains(pinfl);
    javafx.scene.control.Label problems =
        robot
            .from(EditorHarness.itemNode(robot, pinfl.toString()))
            .lookup(".item-problems")
            .query();
    assertThat(problems.isVisible()).as("message shown after the jump").isTrue();
  }

  @Test
  void aRepeatingCodedQuestionTakesSeveralAnswers(FxRobot robot) throws Exception {
    ItemPath complaints = ItemPath.parse("003.exam/003.exam.complaints");
    robot.interact(() -> h.vm.currentSectionProperty().set(h.vm.sectionOf(complaints)));
    javafx.scene.Node view = EditorHarness.itemNode(robot, complaints.toString());
    robot.clickOn(robot.from(view).lookup(".text-field").queryAs(TextField.class)).write("gri");
    waitUntil(() -> robot.lookup(".suggestions").tryQuery().map(n -> n.isVisible()).orElse(false));
    robot.type(KeyCode.ENTER);
    robot.clickOn(
        robot.from(view).lookup(".add-answer").queryAs(javafx.scene.control.Button.class));
    robot.write("bron");
    waitUntil(() -> robot.lookup(".suggestions").tryQuery().map(n -> n.isVisible()).orElse(false));
    robot.type(KeyCode.ENTER);
    waitUntil(() -> h.vm.session().state(complaints).orElseThrow().answers().size() == 2);
    assertThat(h.vm.session().state(complaints).orElseThrow().answers())
        .extracting(a -> ((AnswerValue.CodingValue) a).display())
        .allSatisfy(d -> assertThat(d).matches("(Gripp|Bronxit) .*"));
  }
}
