package uz.dhp.forms.form.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.dhp.forms.form.ui.EditorHarness.control;
import static uz.dhp.forms.form.ui.EditorHarness.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javafx.scene.control.Label;
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
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.form.rules.FormSession;
import uz.dhp.forms.form.rules.OpenOutcome;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.store.Draft;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.StoreOpenOutcome;
import uz.dhp.forms.store.StoreOpener;
import uz.dhp.forms.terminology.TerminologySource;

/** Typing reaches a real SQLite draft store by itself; the draft reopens with what was typed. */
@ExtendWith(ApplicationExtension.class)
class AutosaveStoreTest {

  static final String DRAFT_ID = "00000000-0000-4000-8000-000000000001";
  static FormEngine engine;
  static FormDefinition vitals;
  @TempDir static Path temp;

  EditorHarness h;
  Store store;

  @BeforeAll
  static void load() {
    engine = new FormEngine(FormFixtures.ctx(), TerminologySource.none());
    vitals = FormFixtures.definition(engine, "sample-vitals");
  }

  @Start
  void start(Stage stage) throws Exception {
    StoreOpenOutcome o =
        new StoreOpener(Clock.systemUTC()).open(Files.createTempDirectory(temp, "data"));
    store = ((StoreOpenOutcome.Opened) o).store();
    h = new EditorHarness(engine, vitals, UiLanguage.EN);
    h.show(
        stage,
        new StoreDraftSink(store, DRAFT_ID, vitals.formId(), vitals.version()),
        TerminologySource.none(),
        (owner, title) -> Optional.empty());
  }

  @AfterEach
  void close() {
    h.close();
    store.close();
  }

  private Optional<String> stored() {
    return store.drafts().find(DRAFT_ID).map(Draft::responseJson);
  }

  @Test
  void typedAnswersReachTheStoreWithoutSavingByHandAndReopen(FxRobot robot) throws Exception {
    robot.clickOn(control(robot, "weight", ".text-field")).write("72.5");
    waitUntil(() -> stored().map(j -> j.contains("72.5")).orElse(false));
    Label status = robot.lookup("#saveStatus").queryAs(Label.class);
    waitUntil(() -> status.getText().startsWith("Saved "));
    // Debounced: four keystrokes are not four saves.
    assertThat(h.vm.saveCount()).isLessThan(4);

    FormSession reopened =
        ((OpenOutcome.Opened) engine.open(vitals, stored().orElseThrow())).session();
    assertThat(reopened.state(ItemPath.of("weight")).orElseThrow().answers())
        .containsExactlyElementsOf(
            h.vm.session().state(ItemPath.of("weight")).orElseThrow().answers());
  }

  @Test
  void flushOnWindowCloseStoresTheNewestState(FxRobot robot) throws Exception {
    robot.clickOn(control(robot, "phone", ".text-field")).write("5");
    robot.interact(() -> h.editor.flush());
    waitUntil(() -> stored().map(j -> j.contains("\"5\"")).orElse(false));
    assertThat(h.vm.hasUnsavedChanges()).isFalse();
  }
}
