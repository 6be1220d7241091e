package uz.dhp.forms.form.ui;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.LocalizedText;
import uz.dhp.forms.form.rules.ItemState;
import uz.dhp.forms.terminology.TerminologySource;
import uz.dhp.forms.ui.I18n;

/**
 * What item views share: the view model, texts, terminology, reference choices and the registry of
 * built views.
 */
final class EditorContext {

  /** Node property holding the item path of a view's root, to map focus back to an item. */
  static final String PATH_KEY = "dhp.form.path";

  final FormEditorViewModel vm;
  final I18n i18n;
  final TerminologySource terminology;
  final BackgroundWork work;
  final ZoneId zone;
  final FilePicker files;
  final ReferenceChoices references;
  final Map<ItemPath, ItemView> views = new HashMap<>();
  final List<RowsView> rowsViews = new ArrayList<>();
  private final Map<ItemPath, List<AnswerValue>> pending = new LinkedHashMap<>();
  private boolean flushScheduled;

  /** Set once the user asked for problems (F8): untouched fields show theirs too. */
  boolean showAllProblems;

  EditorContext(
      FormEditorViewModel vm,
      I18n i18n,
      TerminologySource terminology,
      BackgroundWork work,
      ZoneId zone,
      FilePicker files,
      ReferenceChoices references) {
    this.vm = vm;
    this.i18n = i18n;
    this.terminology = terminology;
    this.work = work;
    this.zone = zone;
    this.files = files;
    this.references = references;
  }

  String lang() {
    return i18n.language().tag();
  }

  String text(@Nullable LocalizedText t) {
    return t == null ? "" : t.in(lang());
  }

  String msg(String key, Object... args) {
    return i18n.get(key, args);
  }

  @Nullable ItemState state(ItemPath path) {
    return vm.session().state(path).orElse(null);
  }

  /**
   * Hands a user edit to the session. Edits are applied once per turn of the FX event queue: keys
   * typed while the engine is busy with a heavy recalculation are merged into one edit, so typing
   * never queues up behind the form's rules. Views show the typed text immediately regardless.
   */
  void commit(ItemPath path, List<AnswerValue> answers) {
    pending.remove(path);
    pending.put(path, answers);
    if (!flushScheduled) {
      flushScheduled = true;
      Platform.runLater(this::flushCommits);
    }
  }

  /** Applies pending edits now (before navigation, saving, or reading the session). */
  void flushCommits() {
    flushScheduled = false;
    while (!pending.isEmpty()) {
      var first = pending.entrySet().iterator().next();
      pending.remove(first.getKey());
      vm.setAnswers(first.getKey(), first.getValue());
    }
  }

  void register(ItemView v) {
    views.put(v.path(), v);
  }

  /** Forgets a view and everything under it (rows rebuilt or removed). */
  void unregister(ItemView v) {
    views.remove(v.path(), v);
    for (ItemView c : v.children()) {
      unregister(c);
    }
    if (v instanceof RowsView r) {
      rowsViews.remove(r);
    }
  }
}
