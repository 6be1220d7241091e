package uz.dhp.forms.form.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.answer.ResponseStatus;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.ItemControl;
import uz.dhp.forms.form.definition.LocalizedText;
import uz.dhp.forms.form.rules.ChangeSet;
import uz.dhp.forms.form.rules.FormSession;
import uz.dhp.forms.form.rules.ValidationIssue;
import uz.dhp.forms.form.ui.DraftSink.SaveOutcome;

/**
 * State of one open form for the editor: the session, sections with completeness, the issue list,
 * whether the form may be finalized, and autosave. Every edit goes through here and is announced to
 * listeners as the engine's {@link ChangeSet}, so views refresh exactly the named items. Never
 * touches a control; used on the FX thread.
 */
public final class FormEditorViewModel {

  private final FormSession session;
  private final List<Section> sections;
  private final boolean paged;
  private final ProgressTracker progress;
  private final Autosaver autosaver;
  private final IntegerProperty currentSection = new SimpleIntegerProperty(0);
  private final ReadOnlyBooleanWrapper finalizable = new ReadOnlyBooleanWrapper();
  private final ObservableList<ValidationIssue> issues = FXCollections.observableArrayList();
  private final ObservableList<ValidationIssue> issuesView =
      FXCollections.unmodifiableObservableList(issues);
  private final List<Consumer<ChangeSet>> listeners = new ArrayList<>();

  /**
   * @param sink where drafts are saved (called on a background thread through {@code work})
   * @param work background work with results on the FX thread (the app's {@code TaskRunner::run})
   * @param scheduler debounce and retry timer ({@link Scheduler#fx()} in the app)
   * @param clock for the "saved at" time
   */
  public FormEditorViewModel(
      FormSession session, DraftSink sink, BackgroundWork work, Scheduler scheduler, Clock clock) {
    this.session = session;
    this.paged = isPaged(session.definition());
    this.sections = buildSections(session.definition(), paged);
    this.progress = new ProgressTracker(session, sections);
    this.autosaver =
        new Autosaver(
            () -> session.toQuestionnaireResponseJson(ResponseStatus.IN_PROGRESS),
            sink,
            work,
            scheduler,
            clock);
    issues.setAll(progress.issues());
    finalizable.set(progress.errorCount() == 0);
  }

  private static boolean isPaged(FormDefinition def) {
    return def.items().stream()
        .anyMatch(
            i ->
                i.common().itemControl() == ItemControl.PAGE
                    || i.common().itemControl() == ItemControl.TAB);
  }

  private static List<Section> buildSections(FormDefinition def, boolean paged) {
    List<Section> out = new ArrayList<>();
    if (!paged) {
      out.add(new Section(0, def.items().stream().map(FormItem::linkId).toList(), def.title()));
      return out;
    }
    for (FormItem item : def.items()) {
      out.add(new Section(out.size(), List.of(item.linkId()), item.common().text()));
    }
    return out;
  }

  public FormSession session() {
    return session;
  }

  public FormDefinition definition() {
    return session.definition();
  }

  /** Sections in form order; a form without page/tab groups has exactly one. */
  public List<Section> sections() {
    return sections;
  }

  /** True when the form shows one section at a time (top-level page/tab groups). */
  public boolean isPaged() {
    return paged;
  }

  public IntegerProperty currentSectionProperty() {
    return currentSection;
  }

  public int sectionOf(ItemPath path) {
    return progress.sectionOf(path);
  }

  /** True while no enabled item has an error; bind the finalize button to it. */
  public ReadOnlyBooleanProperty finalizableProperty() {
    return finalizable.getReadOnlyProperty();
  }

  /** Errors and warnings of enabled items, in form order. */
  public ObservableList<ValidationIssue> issues() {
    return issuesView;
  }

  public ReadOnlyObjectProperty<SaveStatus> saveStatusProperty() {
    return autosaver.statusProperty();
  }

  /** Number of saves handed to the sink (autosave measurements). */
  public int saveCount() {
    return autosaver.saveCount();
  }

  /** Called with every applied edit, after the view model has taken it in. */
  public void addChangeListener(Consumer<ChangeSet> listener) {
    listeners.add(listener);
  }

  public void removeChangeListener(Consumer<ChangeSet> listener) {
    listeners.remove(listener);
  }

  public ChangeSet setAnswer(ItemPath path, @Nullable AnswerValue value) {
    return setAnswers(path, value == null ? List.of() : List.of(value));
  }

  public ChangeSet setAnswers(ItemPath path, List<AnswerValue> values) {
    return apply(session.setAnswers(path, values));
  }

  /** Adds an empty row at {@code at.index()} (the row count appends). */
  public ChangeSet insertRow(ItemPath at) {
    return apply(structural(at, session.insertRow(at)));
  }

  public ChangeSet removeRow(ItemPath row) {
    return apply(structural(row, session.removeRow(row)));
  }

  public ChangeSet moveRow(ItemPath row, int newIndex) {
    return apply(structural(row, session.moveRow(row, newIndex)));
  }

  /**
   * The engine leaves the structure list empty for rows of a top-level group (the root is not a
   * path); its documented contract is to report the row path then, so add it.
   */
  private static ChangeSet structural(ItemPath row, ChangeSet c) {
    if (c.isRejected() || !c.structure().isEmpty() || row.steps().size() != 1) {
      return c;
    }
    return new ChangeSet(
        c.values(), c.enablement(), c.validation(), List.of(row.withIndex(0)), null);
  }

  private ChangeSet apply(ChangeSet c) {
    if (c.isRejected() || c.isEmpty()) {
      return c;
    }
    boolean issuesChanged;
    if (!c.structure().isEmpty()) {
      progress.rebuild();
      issuesChanged = true;
    } else {
      Set<ItemPath> touched = new LinkedHashSet<>(c.values());
      touched.addAll(c.enablement());
      touched.addAll(c.validation());
      issuesChanged = progress.refresh(touched);
    }
    if (issuesChanged) {
      issues.setAll(progress.issues());
    }
    finalizable.set(progress.errorCount() == 0);
    for (Consumer<ChangeSet> l : List.copyOf(listeners)) {
      l.accept(c);
    }
    if (!c.values().isEmpty() || !c.structure().isEmpty()) {
      autosaver.changed();
    }
    return c;
  }

  /** The first issue after {@code after} in form order, wrapping around to the first. */
  public Optional<ValidationIssue> nextIssue(@Nullable ItemPath after) {
    if (issues.isEmpty()) {
      return Optional.empty();
    }
    if (after != null) {
      for (ValidationIssue i : issues) {
        if (compareFormOrder(i.path(), after) > 0) {
          return Optional.of(i);
        }
      }
    }
    return Optional.of(issues.get(0));
  }

  /** Pre-order (screen) order of two item instances. */
  int compareFormOrder(ItemPath a, ItemPath b) {
    int n = Math.min(a.steps().size(), b.steps().size());
    for (int i = 0; i < n; i++) {
      ItemPath.Step x = a.steps().get(i);
      ItemPath.Step y = b.steps().get(i);
      if (!x.linkId().equals(y.linkId())) {
        return Integer.compare(order(x.linkId()), order(y.linkId()));
      }
      if (x.index() != y.index()) {
        return Integer.compare(x.index(), y.index());
      }
    }
    return Integer.compare(a.steps().size(), b.steps().size());
  }

  private int order(String linkId) {
    return definition().index().order(linkId);
  }

  /**
   * Fields whose label contains {@code fragment} (case- and apostrophe-insensitive), in form order;
   * items inside repeating groups are found in their first row.
   */
  public List<FinderHit> find(String fragment, String languageTag, int limit) {
    String needle = fold(fragment);
    List<FinderHit> hits = new ArrayList<>();
    if (needle.isEmpty()) {
      return hits;
    }
    for (FormItem item : definition().index().all()) {
      if (!item.type().isQuestion() && !(item instanceof FormItem.GroupItem)) {
        continue;
      }
      String label = label(item, languageTag);
      if (!fold(label).contains(needle) && !fold(item.linkId()).equals(needle)) {
        continue;
      }
      ItemPath path = firstInstance(item);
      if (session.state(path).isEmpty()) {
        continue;
      }
      Section s = sections.get(sectionOf(path));
      hits.add(new FinderHit(path, label, s.title().in(languageTag)));
      if (hits.size() == limit) {
        break;
      }
    }
    return hits;
  }

  static String label(FormItem item, String languageTag) {
    LocalizedText prefix = item.common().prefix();
    String text = item.common().text().in(languageTag);
    return prefix == null || prefix.isEmpty() ? text : prefix.in(languageTag) + " " + text;
  }

  private ItemPath firstInstance(FormItem item) {
    List<String> chain = new ArrayList<>(definition().index().ancestors(item.linkId()));
    java.util.Collections.reverse(chain);
    chain.add(item.linkId());
    List<ItemPath.Step> steps = new ArrayList<>();
    for (String id : chain) {
      steps.add(new ItemPath.Step(id, 0));
    }
    return new ItemPath(steps);
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("['‘’ʻʼ`]", "").strip();
  }

  /** Saves now if anything is unsaved (Ctrl+S, focus leaving the editor). */
  public void saveNow() {
    autosaver.saveNow();
  }

  /**
   * Saves the newest state; the future completes on the FX thread once it is stored or the save
   * failed. Call on window close (do not block the FX thread on it).
   */
  public CompletableFuture<SaveOutcome> flush() {
    return autosaver.flush();
  }

  /**
   * Stops autosave timers; call after the last {@link #flush()} completed, when the editor is
   * closed. Unsaved changes after this are not saved.
   */
  public void close() {
    autosaver.close();
  }

  /** True while some change is not yet in the sink. */
  public boolean hasUnsavedChanges() {
    return autosaver.isDirty();
  }
}
