package uz.dhp.forms.form.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.form.rules.OpenOutcome;
import uz.dhp.forms.form.rules.ValidationIssue;
import uz.dhp.forms.form.ui.DraftSink.SaveOutcome;
import uz.dhp.forms.terminology.TerminologySource;

/** The editor's logic without a screen: autosave, completeness, problems, finder. */
class FormEditorViewModelTest {

  static FormEngine engine;
  static FormDefinition vitals;
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:42:05Z"), ZoneOffset.UTC);

  final ManualTime time = new ManualTime();
  final List<String> saved = new ArrayList<>();
  final List<SaveOutcome> outcomes = new ArrayList<>();

  @BeforeAll
  static void load() {
    engine = new FormEngine(FormFixtures.ctx(), TerminologySource.none());
    vitals = FormFixtures.definition(engine, "sample-vitals");
  }

  FormEditorViewModel open() {
    DraftSink sink =
        json -> {
          saved.add(json);
          return outcomes.isEmpty() ? new SaveOutcome.Saved() : outcomes.remove(0);
        };
    return new FormEditorViewModel(
        ((OpenOutcome.Opened) engine.open(vitals)).session(), sink, time, time, CLOCK);
  }

  static AnswerValue dec(String v) {
    return new AnswerValue.DecimalValue(new BigDecimal(v));
  }

  @Test
  void aBurstOfTypingIsSavedOnceWithinTheDebounceWithTheNewestState() {
    FormEditorViewModel vm = open();
    vm.setAnswer(ItemPath.of("weight"), dec("7"));
    vm.setAnswer(ItemPath.of("weight"), dec("70"));
    vm.setAnswer(ItemPath.of("height"), dec("170"));
    assertThat(time.pending()).hasSize(1);
    assertThat(time.pending().get(0).delay()).isLessThanOrEqualTo(java.time.Duration.ofMillis(300));
    assertThat(vm.saveStatusProperty().get()).isInstanceOf(SaveStatus.Saving.class);

    time.fireTimers();
    time.finishWork();

    assertThat(saved).hasSize(1);
    assertThat(saved.get(0)).contains("\"weight\"").contains("170");
    assertThat(vm.saveStatusProperty().get())
        .isEqualTo(new SaveStatus.Saved(LocalTime.of(10, 42, 5)));
    assertThat(vm.hasUnsavedChanges()).isFalse();
  }

  @Test
  void onlyOneSaveIsInFlightAndTheNewestStateFollowsIt() {
    FormEditorViewModel vm = open();
    vm.setAnswer(ItemPath.of("weight"), dec("70"));
    time.fireTimers();
    assertThat(time.queuedWork()).isEqualTo(1);
    vm.setAnswer(ItemPath.of("height"), dec("170"));
    vm.saveNow();
    assertThat(time.queuedWork()).as("second save waits for the first").isEqualTo(1);
    time.finishWork();
    assertThat(saved).hasSize(2);
    assertThat(saved.get(0)).doesNotContain("170");
    assertThat(saved.get(1)).contains("170");
  }

  @Test
  void aFailedSaveKeepsTheAnswersSaysWhyAndRetries() {
    outcomes.add(new SaveOutcome.Failed("store.save.diskFull", List.of()));
    FormEditorViewModel vm = open();
    vm.setAnswer(ItemPath.of("weight"), dec("70"));
    time.fireTimers();
    time.finishWork();
    assertThat(vm.saveStatusProperty().get())
        .isEqualTo(new SaveStatus.Failed("store.save.diskFull", List.of()));
    assertThat(vm.hasUnsavedChanges()).isTrue();
    assertThat(vm.session().state(ItemPath.of("weight")).orElseThrow().answers())
        .containsExactly(dec("70"));
    assertThat(time.pending()).singleElement().satisfies(s -> assertThat(s.delay()).isPositive());

    time.fireTimers();
    time.finishWork();
    assertThat(saved).hasSize(2);
    assertThat(vm.saveStatusProperty().get()).isInstanceOf(SaveStatus.Saved.class);
  }

  @Test
  void flushCompletesOnceTheNewestStateIsStored() {
    FormEditorViewModel vm = open();
    assertThat(vm.flush()).isCompleted();
    vm.setAnswer(ItemPath.of("weight"), dec("70"));
    CompletableFuture<SaveOutcome> f = vm.flush();
    assertThat(f).isNotDone();
    time.finishWork();
    assertThat(f).isCompletedWithValue(new SaveOutcome.Saved());
    assertThat(saved).singleElement().asString().contains("70");
  }

  @Test
  void requiredCountsFollowAnswersAndSkipLogic() {
    FormEditorViewModel vm = open();
    Section only = vm.sections().get(0);
    assertThat(vm.isPaged()).isFalse();
    // visit-date and weight are required; packs only once it is enabled.
    assertThat(only.requiredTotalProperty().get()).isEqualTo(2);
    assertThat(only.requiredAnsweredProperty().get()).isZero();
    vm.setAnswer(ItemPath.of("weight"), dec("70"));
    assertThat(only.requiredAnsweredProperty().get()).isEqualTo(1);
    vm.setAnswer(ItemPath.of("smoker"), new AnswerValue.BooleanValue(true));
    assertThat(only.requiredTotalProperty().get()).isEqualTo(3);
    vm.setAnswer(ItemPath.of("smoker"), new AnswerValue.BooleanValue(false));
    assertThat(only.requiredTotalProperty().get()).isEqualTo(2);
  }

  @Test
  void incrementalProblemsAndFinalizableAgreeWithAFullValidation() {
    FormEditorViewModel vm = open();
    List<Runnable> edits =
        List.of(
            () -> vm.setAnswer(ItemPath.of("weight"), dec("1000")),
            () -> vm.setAnswer(ItemPath.of("visit-date"), new AnswerValue.DateValue("2026-11-26")),
            () -> vm.setAnswer(ItemPath.of("smoker"), new AnswerValue.BooleanValue(true)),
            () -> vm.setAnswer(ItemPath.of("packs"), new AnswerValue.IntegerValue(2)),
            () -> vm.setAnswer(ItemPath.of("weight"), dec("70")),
            () -> vm.insertRow(ItemPath.parse("meds[1]")),
            () -> vm.setAnswer(ItemPath.of("phone"), new AnswerValue.StringValue("12")),
            () -> vm.removeRow(ItemPath.parse("meds[0]")),
            () -> vm.setAnswer(ItemPath.of("phone"), null),
            () -> vm.setAnswer(ItemPath.of("smoker"), new AnswerValue.BooleanValue(false)));
    for (Runnable e : edits) {
      e.run();
      List<ValidationIssue> full = vm.session().validateAll();
      assertThat(vm.issues()).containsExactlyInAnyOrderElementsOf(full);
      assertThat(vm.finalizableProperty().get()).isEqualTo(vm.session().isFinalizable());
    }
    assertThat(vm.finalizableProperty().get()).isTrue();
  }

  @Test
  void nextIssueGoesForwardInFormOrderAndWraps() {
    FormEditorViewModel vm = open();
    vm.setAnswer(ItemPath.of("phone"), new AnswerValue.StringValue("12"));
    assertThat(vm.nextIssue(null).orElseThrow().path()).isEqualTo(ItemPath.of("visit-date"));
    assertThat(vm.nextIssue(ItemPath.of("visit-date")).orElseThrow().path())
        .isEqualTo(ItemPath.of("weight"));
    assertThat(vm.nextIssue(ItemPath.of("height")).orElseThrow().path())
        .isEqualTo(ItemPath.of("phone"));
    assertThat(vm.nextIssue(ItemPath.of("notes")).orElseThrow().path())
        .isEqualTo(ItemPath.of("visit-date"));
  }

  @Test
  void theFinderMatchesLabelFragmentsInTheCurrentLanguage() {
    FormEditorViewModel vm = open();
    assertThat(vm.find("MASS", "en", 10))
        .extracting(FinderHit::path)
        .containsExactly(ItemPath.of("bmi"));
    assertThat(vm.find("вес", "ru", 10))
        .extracting(FinderHit::path)
        .containsExactly(ItemPath.of("weight"));
    assertThat(vm.find("dose", "en", 10))
        .extracting(FinderHit::path)
        .containsExactly(ItemPath.parse("meds/med-dose"));
    assertThat(vm.find("zzz", "en", 10)).isEmpty();
  }
}
