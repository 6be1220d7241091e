package uz.dhp.forms.form.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uz.dhp.forms.form.ui.EditorHarness.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.form.rules.ValidationIssue;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.terminology.TerminologySource;

/**
 * A form whose sections are several screens long: the editor shows a screenful at once and builds
 * the rest on the following pulses, yet the keyboard, the finder, F8, the problem list, the
 * navigator, the language, the text size and autosave all behave as if everything were built. The
 * checks that something is "not built yet" run in the same FX event as the open, before any pulse.
 */
@ExtendWith(ApplicationExtension.class)
class LargeFormEditorTest {

  static FormEngine engine;
  static FormDefinition large;
  @TempDir static Path temp;

  Stage stage;
  EditorHarness h;
  FileDraftSink sink;

  static final ItemPath BEFORE_LAST = ItemPath.parse(LargeForm.BEFORE_LAST);
  static final ItemPath LAST = ItemPath.parse(LargeForm.LAST);

  @BeforeAll
  static void load() {
    engine = new FormEngine(FormFixtures.ctx(), TerminologySource.none());
    large = LargeForm.definition(engine);
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }

  /** Opens the form in a window; call on the FX thread (the caller acts before any pulse). */
  private void open(UiLanguage language) {
    try {
      h = new EditorHarness(engine, large, language);
      sink = new FileDraftSink(Files.createTempFile(temp, "draft", ".json"));
      h.show(stage, sink, TerminologySource.none(), (owner, title) -> Optional.empty());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
  }

  private Optional<ItemPath> focused() {
    return FormEditor.pathOf(h.editor.root().getScene().getFocusOwner());
  }

  /** A key as the keyboard delivers it to the focused control (JavaFX traverses on KEY_PRESSED). */
  private void press(KeyCode key, boolean shift) {
    Node owner = h.editor.root().getScene().getFocusOwner();
    Event.fireEvent(
        owner, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, shift, false, false, false));
  }

  private static ItemPath field(int section, String name) {
    return ItemPath.parse("s" + section + "/s" + section + "." + name);
  }

  /** Waits until a node is in the window and laid out, so the robot can click it. */
  private static void waitLaidOut(Node n) throws Exception {
    waitUntil(() -> fx(() -> n.getScene() != null && n.getLayoutBounds().getWidth() > 0));
  }

  @Test
  void theFirstFrameHoldsAScreenOfTheSectionAndTheRestComesOnTheFollowingPulses(FxRobot robot)
      throws Exception {
    List<Boolean> builtAtOpen =
        fx(
            () -> {
              open(UiLanguage.EN);
              List<Boolean> b = new ArrayList<>();
              for (int j = 0; j < LargeForm.QUESTIONS; j++) {
                b.add(h.editor.isBuilt(field(0, "q" + j)));
              }
              b.add(h.editor.isBuilt(field(0, "end")));
              b.add(h.editor.sectionBuiltProperty().get());
              return b;
            });
    assertThat(builtAtOpen.remove(builtAtOpen.size() - 1)).as("section built at open").isFalse();
    long built = builtAtOpen.stream().filter(x -> x).count();
    assertThat(builtAtOpen.get(0)).as("the first field is on the first screen").isTrue();
    assertThat(built).as("a screenful, not the whole section").isBetween(5L, 30L);

    h.waitForSectionBuilt();
    for (int j = 0; j < LargeForm.QUESTIONS; j++) {
      ItemPath p = field(0, "q" + j);
      assertThat(fx(() -> h.editor.isBuilt(p))).as(p.toString()).isTrue();
    }
    Node end = EditorHarness.itemNode(robot, field(0, "end").toString());
    waitLaidOut(end);
    assertThat(fx(() -> h.editor.isBuilt(LAST))).as("other sections wait to be shown").isFalse();
  }

  @Test
  void whatTheUserLooksAtStaysInPlaceWhileTheSectionGrowsBelowIt(FxRobot robot) throws Exception {
    ItemPath middle = field(0, "q30");
    List<Object> seen =
        fx(
            () -> {
              open(UiLanguage.EN);
              // Builds up to it, lays the editor out and scrolls the field into view.
              h.editor.focusField(middle);
              Node in = h.editor.inputOf(middle).orElseThrow();
              return List.of(in, in.localToScene(0, 0).getY(), h.editor.isBuilt(field(0, "end")));
            });
    Node input = (Node) seen.get(0);
    double before = (Double) seen.get(1);
    assertThat(seen.get(2)).as("the rest of the section still to build").isEqualTo(false);
    h.waitForSectionBuilt();
    waitLaidOut(EditorHarness.itemNode(robot, field(0, "end").toString()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> input.localToScene(0, 0).getY())).isCloseTo(before, within(1.0));
  }

  @Test
  void tabFromTheFieldBeforeItReachesTheLastFieldOfTheFormRightAfterOpen(FxRobot robot)
      throws Exception {
    List<Object> seen =
        fx(
            () -> {
              open(UiLanguage.EN);
              List<Object> s = new ArrayList<>();
              s.add(h.editor.focusField(BEFORE_LAST));
              s.add(h.editor.isBuilt(LAST));
              press(KeyCode.TAB, false);
              s.add(focused());
              return s;
            });
    assertThat(seen.get(0)).isEqualTo(true);
    assertThat(seen.get(1)).as("the last field is not built when Tab is pressed").isEqualTo(false);
    assertThat(seen.get(2)).isEqualTo(Optional.of(LAST));

    // And with the real keyboard: back and forth.
    robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
    waitUntil(() -> fx(this::focused).equals(Optional.of(BEFORE_LAST)));
    robot.type(KeyCode.TAB);
    waitUntil(() -> fx(this::focused).equals(Optional.of(LAST)));
  }

  @Test
  void tabAndShiftTabCrossFromSectionToSectionInFormOrder(FxRobot robot) throws Exception {
    ItemPath end0 = field(0, "end");
    ItemPath flag1 = field(1, "flag");
    List<Object> seen =
        fx(
            () -> {
              open(UiLanguage.EN);
              List<Object> s = new ArrayList<>();
              h.editor.focusField(end0);
              press(KeyCode.TAB, false);
              s.add(focused());
              s.add(h.vm.currentSectionProperty().get());
              press(KeyCode.TAB, true);
              s.add(focused());
              s.add(h.vm.currentSectionProperty().get());
              return s;
            });
    assertThat(seen).containsExactly(Optional.of(flag1), 1, Optional.of(end0), 0);
  }

  @Test
  void tabFromOutsideEntersTheSectionAtItsFirstFieldAndShiftTabAtItsLast(FxRobot robot)
      throws Exception {
    ItemPath end0 = field(0, "end");
    List<Object> seen =
        fx(
            () -> {
              open(UiLanguage.EN);
              List<Object> s = new ArrayList<>();
              robot.lookup("#fieldFinder").query().requestFocus();
              press(KeyCode.TAB, false);
              s.add(focused());
              robot.lookup("#issueList").query().requestFocus();
              s.add(h.editor.isBuilt(end0));
              press(KeyCode.TAB, true);
              s.add(focused());
              return s;
            });
    assertThat(seen).containsExactly(Optional.of(field(0, "flag")), false, Optional.of(end0));
  }

  @Test
  void enterGoesOnPastTheLastBuiltFieldAndIntoTheNextSection(FxRobot robot) throws Exception {
    List<Object> seen =
        fx(
            () -> {
              open(UiLanguage.EN);
              List<Object> s = new ArrayList<>();
              List<Node> built = h.editor.targets();
              Node lastBuilt = built.get(built.size() - 1);
              ItemPath from = FormEditor.pathOf(lastBuilt).orElseThrow();
              s.add(from);
              lastBuilt.requestFocus();
              press(KeyCode.ENTER, false);
              s.add(focused().orElseThrow());
              h.editor.focusField(field(0, "end"));
              press(KeyCode.ENTER, false);
              s.add(focused().orElseThrow());
              return s;
            });
    int j = Integer.parseInt(((ItemPath) seen.get(0)).linkId().replace("s0.q", ""));
    int next = (j + 1) % 5 == 4 ? j + 2 : j + 1; // every fifth question is off
    assertThat(seen.get(1)).isEqualTo(field(0, "q" + next));
    assertThat(seen.get(2)).isEqualTo(field(1, "flag"));
  }

  @Test
  void theFinderReachesAFieldInTheLastSectionRightAfterOpen(FxRobot robot) throws Exception {
    Node first =
        fx(
            () -> {
              open(UiLanguage.EN);
              return h.editor.inputOf(field(0, "q0")).orElseThrow();
            });
    assertThat(fx(() -> h.editor.isBuilt(LAST))).isFalse();
    waitLaidOut(first);
    robot.clickOn(first);
    robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
    waitUntil(() -> fx(() -> robot.lookup("#fieldFinder").queryAs(TextField.class).isFocused()));
    robot.write("last field of");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> fx(this::focused).equals(Optional.of(LAST)));
    assertThat(fx(() -> h.vm.currentSectionProperty().get())).isEqualTo(LargeForm.PAGES - 1);

    // What is typed there is autosaved like anywhere else.
    robot.write("typed late");
    waitUntil(() -> sink.read().contains("typed late"));
  }

  @Test
  void theProblemListJumpsToAFieldInASectionNotBuiltYet(FxRobot robot) throws Exception {
    fx(
        () -> {
          open(UiLanguage.EN);
          return null;
        });
    ListView<ValidationIssue> issues = robot.lookup("#issueList").queryListView();
    // The list is filled after the first frame.
    waitUntil(() -> fx(() -> issues.getItems().stream().anyMatch(i -> i.path().equals(LAST))));
    assertThat(fx(() -> h.editor.isBuilt(LAST))).isFalse();
    fx(
        () -> {
          int row = 0;
          while (!issues.getItems().get(row).path().equals(LAST)) {
            row++;
          }
          issues.scrollTo(row);
          issues.getSelectionModel().select(row);
          issues.requestFocus();
          return null;
        });
    robot.type(KeyCode.ENTER);
    waitUntil(() -> fx(this::focused).equals(Optional.of(LAST)));
    Label problems =
        robot.from(EditorHarness.itemNode(robot, LAST.toString())).lookup(".item-problems").query();
    assertThat(fx(problems::isVisible)).as("its message is shown after the jump").isTrue();
  }

  @Test
  void f8JumpsToTheNextProblemInASectionNotBuiltYet(FxRobot robot) throws Exception {
    ItemPath required4 = field(4, "q0");
    List<Object> seen =
        fx(
            () -> {
              open(UiLanguage.EN);
              List<Object> s = new ArrayList<>();
              h.editor.focusField(field(3, "end"));
              s.add(h.editor.isBuilt(required4));
              return s;
            });
    assertThat(seen).containsExactly(false);
    robot.type(KeyCode.F8);
    waitUntil(() -> fx(this::focused).equals(Optional.of(required4)));
  }

  @Test
  void navigatorCountsComeFromTheFormStateNotFromBuiltFields(FxRobot robot) throws Exception {
    List<Integer> counts =
        fx(
            () -> {
              open(UiLanguage.EN);
              List<Integer> c = new ArrayList<>();
              for (Section s : h.vm.sections()) {
                c.add(s.requiredTotalProperty().get());
                c.add(s.errorsProperty().get());
              }
              // An answer arriving for a section nobody has looked at (e.g. a prefill).
              h.vm.setAnswer(LAST, new AnswerValue.StringValue("from elsewhere"));
              Section lastSection = h.vm.sections().get(LargeForm.PAGES - 1);
              c.add(lastSection.requiredAnsweredProperty().get());
              c.add(lastSection.errorsProperty().get());
              c.add(h.editor.isBuilt(LAST) ? 1 : 0);
              return c;
            });
    // One required question per section, two in the last; all empty at open.
    assertThat(counts).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 0);
    assertThat(fx(() -> SectionNavigator.text(h.i18n, h.vm.sections().get(LargeForm.PAGES - 1))))
        .contains("1/2");

    // Built later, the field shows the answer it got while it had no view.
    TextField input =
        (TextField)
            fx(() -> h.editor.focusField(LAST) ? h.editor.inputOf(LAST).orElseThrow() : null);
    String shown = fx(input::getText);
    assertThat(shown).isEqualTo("from elsewhere");
  }

  @Test
  void fieldsBuiltAfterALanguageSwitchComeInTheNewLanguageWithTheirAccessibleText(FxRobot robot)
      throws Exception {
    fx(
        () -> {
          open(UiLanguage.EN);
          h.i18n.setLanguage(UiLanguage.RU);
          return null;
        });
    h.waitForSectionBuilt();
    Node late = EditorHarness.itemNode(robot, field(0, "end").toString());
    Node early = EditorHarness.itemNode(robot, field(0, "q0").toString());
    assertThat(fx(() -> robot.from(late).lookup(".item-label").queryAs(Label.class).getText()))
        .isEqualTo("Последнее поле 0");
    assertThat(fx(() -> robot.from(early).lookup(".item-label").queryAs(Label.class).getText()))
        .isEqualTo("Поле 0.0 *");
    // A screen reader reads the label of a field built after the switch.
    String accessible =
        fx(
            () ->
                h.editor.focusField(LAST)
                    ? h.editor.inputOf(LAST).orElseThrow().getAccessibleText()
                    : null);
    assertThat(accessible).isEqualTo("Последнее поле формы *");
  }

  @Test
  void fieldsBuiltLaterTakeTheWindowsTextSize(FxRobot robot) throws Exception {
    fx(
        () -> {
          open(UiLanguage.EN);
          // As the app scales text: a font size on an ancestor of the editor.
          Scene scene = stage.getScene();
          StackPane frame = new StackPane();
          frame.setStyle("-fx-font-size: 22px;");
          scene.setRoot(frame);
          frame.getChildren().add(h.editor.root());
          return null;
        });
    h.waitForSectionBuilt();
    Node late = EditorHarness.itemNode(robot, field(0, "end").toString());
    waitLaidOut(late);
    TextField lateInput = robot.from(late).lookup(".text-field").queryAs(TextField.class);
    TextField earlyInput =
        robot
            .from(EditorHarness.itemNode(robot, field(0, "q0").toString()))
            .lookup(".text-field")
            .queryAs(TextField.class);
    assertThat(fx(() -> lateInput.getFont().getSize())).isEqualTo(22.0);
    assertThat(fx(() -> earlyInput.getFont().getSize())).isEqualTo(22.0);
  }

  @Test
  void aQuestionSwitchedOffGetsItsFieldWhenSwitchedOn(FxRobot robot) throws Exception {
    ItemPath off = field(0, "q4");
    List<Object> seen =
        fx(
            () -> {
              open(UiLanguage.EN);
              Node view = EditorHarness.findItemNode(robot, off.toString()).orElseThrow();
              List<Object> s = new ArrayList<>();
              s.add(robot.from(view).lookup(".text-field").tryQuery().isPresent());
              h.vm.setAnswer(field(0, "flag"), new AnswerValue.BooleanValue(true));
              s.add(EditorHarness.showing(view));
              s.add(
                  robot
                      .from(view)
                      .lookup(".text-field")
                      .tryQuery()
                      .map(Node::getAccessibleText)
                      .orElse(""));
              return s;
            });
    assertThat(seen).containsExactly(false, true, "Field 0.4");
    TextField input = (TextField) fx(() -> h.editor.inputOf(off).orElseThrow());
    waitLaidOut(input);
    robot.clickOn(input).write("now here");
    waitUntil(() -> fx(() -> h.answer(off.toString()).isPresent()));
  }
}
