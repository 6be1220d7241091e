package uz.dhp.forms.form.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.form.rules.FormSession;
import uz.dhp.forms.form.rules.OpenOutcome;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.terminology.TerminologySource;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.TaskRunner;

/** Opens a form in a real editor on a stage, with real background work and timers. */
final class EditorHarness {

  final FormEngine engine;
  final FormDefinition definition;
  final I18n i18n;
  final TaskRunner tasks = TaskRunner.background();
  FormEditorViewModel vm;
  FormEditor editor;

  EditorHarness(FormEngine engine, FormDefinition definition, UiLanguage language) {
    this.engine = engine;
    this.definition = definition;
    this.i18n = new I18n(language);
  }

  /** Builds the editor on the FX thread (call from {@code @Start}). */
  void show(Stage stage, DraftSink sink, TerminologySource terminology, FilePicker files) {
    FormSession session = ((OpenOutcome.Opened) engine.open(definition)).session();
    vm =
        new FormEditorViewModel(
            session, sink, tasks::run, Scheduler.fx(), Clock.systemDefaultZone());
    editor = new FormEditor(vm, i18n, terminology, tasks::run, ZoneId.systemDefault(), files);
    stage.setScene(new Scene(editor.root(), 1200, 800));
    stage.show();
  }

  void close() {
    if (vm != null) {
      javafx.application.Platform.runLater(vm::close);
      WaitForAsyncUtils.waitForFxEvents();
    }
    tasks.close();
  }

  /** The view root of an item instance. */
  static Node itemNode(FxRobot robot, String path) {
    ItemPath p = ItemPath.parse(path);
    return robot
        .lookup(n -> p.equals(n.getProperties().get(EditorContext.PATH_KEY)) && n.isVisible())
        .query();
  }

  static Optional<Node> findItemNode(FxRobot robot, String path) {
    ItemPath p = ItemPath.parse(path);
    return robot.lookup(n -> p.equals(n.getProperties().get(EditorContext.PATH_KEY))).tryQuery();
  }

  /** The first control of a kind inside an item's view, e.g. ".text-field". */
  static Node control(FxRobot robot, String path, String selector) {
    return robot.from(itemNode(robot, path)).lookup(selector).query();
  }

  static <T extends Node> T control(FxRobot robot, String path, String selector, Class<T> type) {
    return type.cast(control(robot, path, selector));
  }

  Optional<AnswerValue> answer(String path) {
    return vm.session().state(ItemPath.parse(path)).flatMap(s -> s.answers().stream().findFirst());
  }

  /**
   * Waits until the shown section is built to its end (it is built in slices after a screenful).
   */
  void waitForSectionBuilt() throws Exception {
    waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> editor.sectionBuiltProperty().get()).get());
  }

  static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  static Path formsDir() {
    return Path.of(System.getProperty("dhp.forms.dir", "forms"));
  }

  static void assertVisible(FxRobot robot, String path, boolean visible) {
    Optional<Node> n = findItemNode(robot, path);
    assertThat(n.map(EditorHarness::showing).orElse(false))
        .as(path + " visible")
        .isEqualTo(visible);
  }

  static boolean showing(Node n) {
    for (Node x = n; x != null; x = x.getParent()) {
      if (!x.isVisible()) {
        return false;
      }
    }
    return n.getScene() != null;
  }
}
