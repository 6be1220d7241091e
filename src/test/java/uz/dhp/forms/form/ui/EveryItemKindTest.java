package uz.dhp.forms.form.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.form.rules.FormSession;
import uz.dhp.forms.i18n.UiLanguage;

/**
 * Every section of the shipped forms renders, every item instance gets a view, and between them the
 * forms use every item kind the engine has (so the kind → view mapping is exercised whole).
 */
@ExtendWith(ApplicationExtension.class)
class EveryItemKindTest {

  static SyntheticTerminology terminology;
  static FormEngine engine;
  static List<FormDefinition> forms;
  Stage stage;
  EditorHarness h;

  @BeforeAll
  static void load() {
    terminology = SyntheticTerminology.create();
    engine = new FormEngine(FormFixtures.ctx(), terminology);
    forms =
        List.of("sample-vitals", "form-003", "form-096").stream()
            .map(f -> FormFixtures.definition(engine, f))
            .toList();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(new javafx.scene.layout.Pane(), 1200, 800));
    stage.show();
  }

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void everySectionOfEveryShippedFormRendersEveryItem(FxRobot robot) throws Exception {
    Set<Class<?>> kindsSeen = new HashSet<>();
    for (FormDefinition def : forms) {
      h = new EditorHarness(engine, def, UiLanguage.RU);
      robot.interact(
          () ->
              h.show(
                  stage,
                  json -> new DraftSink.SaveOutcome.Saved(),
                  terminology,
                  (o, t) -> Optional.empty()));
      FormEditorViewModel vm = h.vm;
      FormSession session = vm.session();
      Set<ItemPath> all = new HashSet<>();
      collect(session, null, all);
      for (Section s : vm.sections()) {
        robot.interact(() -> vm.currentSectionProperty().set(s.index()));
        h.waitForSectionBuilt();
        Set<Object> shown = new HashSet<>();
        robot
            .lookup(n -> n.getProperties().containsKey(EditorContext.PATH_KEY))
            .queryAll()
            .forEach(n -> shown.add(n.getProperties().get(EditorContext.PATH_KEY)));
        for (ItemPath p : all) {
          if (vm.sectionOf(p) != s.index()) {
            continue;
          }
          FormItem item = session.state(p).orElseThrow().item();
          kindsSeen.add(item.getClass());
          if (!(item instanceof FormItem.GroupItem && item.common().repeats())) {
            assertThat(shown).as(def.formId()).contains(p);
          }
        }
      }
      h.close();
      h = null;
    }
    assertThat(kindsSeen).containsExactlyInAnyOrder(FormItem.class.getPermittedSubclasses());
  }

  private static void collect(FormSession s, ItemPath parent, Set<ItemPath> out) {
    for (ItemPath c : s.children(parent)) {
      out.add(c);
      collect(s, c, out);
    }
  }
}
