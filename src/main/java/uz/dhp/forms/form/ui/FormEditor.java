package uz.dhp.forms.form.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.rules.ChangeSet;
import uz.dhp.forms.form.rules.ItemState;
import uz.dhp.forms.form.rules.ValidationIssue;
import uz.dhp.forms.form.ui.DraftSink.SaveOutcome;
import uz.dhp.forms.terminology.TerminologySource;
import uz.dhp.forms.ui.I18n;

/**
 * The form editor: section navigator, the visible section, problems, save status, and the keyboard.
 * A section is built when first shown and kept: what fills the screen at once, the rest in slices
 * on the following pulses ({@link SectionPane}), and whatever the keyboard, the finder or the
 * problem list reaches before that on demand. After an edit only the items the engine's ChangeSet
 * names are refreshed. Put {@link #root()} into the window; call {@link #flush()} when the window
 * closes.
 */
public final class FormEditor {

  private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final FormEditorViewModel vm;
  private final EditorContext ctx;
  private final BorderPane root = new BorderPane();
  private final SectionPane sections;
  private final FieldNavigator fields;
  private final Label saveStatus = new Label();
  private final EditorToolbar toolbar;
  private final IssueSummary summary;
  private final UndoBar undoBar;
  private final InvalidationListener relabel = o -> relabelAll();
  private final @Nullable SectionNavigator navigator;

  /**
   * @param terminology value sets for coded answers (the same the engine uses)
   * @param work background work with results on the FX thread ({@code TaskRunner::run})
   * @param zone time zone for dateTime answers typed without one
   * @param files how attachments are chosen ({@link FilePicker#system()})
   */
  public FormEditor(
      FormEditorViewModel vm,
      I18n i18n,
      TerminologySource terminology,
      BackgroundWork work,
      ZoneId zone,
      FilePicker files) {
    this(vm, i18n, terminology, work, zone, files, ReferenceChoices.none());
  }

  /**
   * @param terminology value sets for coded answers (the same the engine uses)
   * @param work background work with results on the FX thread ({@code TaskRunner::run})
   * @param zone time zone for dateTime answers typed without one
   * @param files how attachments are chosen ({@link FilePicker#system()})
   * @param references what reference items (practitioner, department, facility) can be picked from;
   *     {@link ReferenceChoices#none()} leaves them read-only
   */
  public FormEditor(
      FormEditorViewModel vm,
      I18n i18n,
      TerminologySource terminology,
      BackgroundWork work,
      ZoneId zone,
      FilePicker files,
      ReferenceChoices references) {
    this.vm = vm;
    this.ctx = new EditorContext(vm, i18n, terminology, work, zone, files, references);
    root.getStyleClass().add("form-editor");
    root.setId("formEditor");
    var css = FormEditor.class.getResource("form-editor.css");
    if (css != null) {
      root.getStylesheets().add(css.toExternalForm());
    }
    sections = new SectionPane(ctx, root, this::tabbedToEdge);
    saveStatus.setId("saveStatus");
    saveStatus.getStyleClass().add("save-status");
    summary = new IssueSummary(ctx, this::jumpTo);
    undoBar = new UndoBar(ctx);
    toolbar = new EditorToolbar(ctx, saveStatus, this::jumpToPath);
    fields = new FieldNavigator(ctx, sections, summary::focus, toolbar::focusFinder);

    root.setTop(toolbar.node());
    VBox center = new VBox(undoBar.node(), sections.node());
    VBox.setVgrow(sections.node(), javafx.scene.layout.Priority.ALWAYS);
    root.setCenter(center);
    root.setRight(summary.node());
    navigator = vm.isPaged() ? new SectionNavigator(vm, i18n) : null;
    if (navigator != null) {
      root.setLeft(navigator.node());
    }
    new EditorKeys(this, ctx, toolbar, undoBar).install(root);

    vm.addChangeListener(this::applyChanges);
    vm.currentSectionProperty().addListener((o, a, b) -> sections.show(b.intValue()));
    vm.saveStatusProperty().addListener((InvalidationListener) o -> renderSaveStatus());
    // Weak: the app's I18n outlives editors; a closed editor must not stay reachable from it.
    i18n.messagesProperty().addListener(new WeakInvalidationListener(relabel));
    installFocusLossSave();
    afterFirstFrame(summary::fill);
    sections.show(vm.currentSectionProperty().get());
    renderSaveStatus();
  }

  public Region root() {
    return root;
  }

  public FormEditorViewModel viewModel() {
    return vm;
  }

  /**
   * True while no enabled item has an error (bind the finalize button's disable to its negation).
   */
  public ReadOnlyBooleanProperty finalizableProperty() {
    return vm.finalizableProperty();
  }

  /** Saves the newest state now; completes on the FX thread. Call on window close. */
  public CompletableFuture<SaveOutcome> flush() {
    ctx.flushCommits();
    return vm.flush();
  }

  /**
   * Call when the editor goes away, after {@link #flush()} completed: stops autosave timers. (The
   * editor holds no strong listener on application-wide objects, so it is collected afterwards.)
   */
  public void close() {
    sections.stop();
    vm.close();
  }

  /**
   * True once every item of the shown section has its view: a large section is shown with what
   * fills the screen and built to its end on the pulses after that.
   */
  public ReadOnlyBooleanProperty sectionBuiltProperty() {
    return sections.builtProperty();
  }

  /** Focuses the first field of the visible section. */
  public void focusFirstField() {
    Node first = sections.current().firstTarget();
    if (first != null) {
      first.requestFocus();
    }
  }

  /** Shows the item's section and focuses its field; false if the item is not shown. */
  public boolean focusField(ItemPath path) {
    return jumpToPath(path);
  }

  /**
   * The input control of an item in a section already shown (for tests and benchmarks); builds that
   * section up to the item if it is not built that far yet.
   */
  public Optional<Node> inputOf(ItemPath path) {
    SectionView s = sections.existing(vm.sectionOf(path));
    if (s != null) {
      s.buildThrough(path);
    }
    ItemView v = ctx.views.get(path);
    return v == null ? Optional.empty() : Optional.ofNullable(v.focusTarget());
  }

  /** True once the item instance has its view (tests). */
  boolean isBuilt(ItemPath path) {
    return ctx.views.containsKey(path);
  }

  // --- sections -------------------------------------------------------------------------------

  int currentSection() {
    return vm.currentSectionProperty().get();
  }

  /** Visible, editable fields of the current section built so far, in form order. */
  List<Node> targets() {
    return sections.targets();
  }

  FieldNavigator navigator() {
    return fields;
  }

  private void tabbedToEdge(boolean end, boolean fromInside) {
    fields.tabbedToEdge(end, fromInside);
  }

  // --- refresh from the engine ----------------------------------------------------------------

  private void applyChanges(ChangeSet c) {
    for (ItemPath p : c.structure()) {
      for (RowsView r : List.copyOf(ctx.rowsViews)) {
        if (r.concerns(p)) {
          r.rebuild();
        }
      }
    }
    Set<ItemPath> paths = new LinkedHashSet<>(c.values());
    paths.addAll(c.enablement());
    paths.addAll(c.validation());
    for (ItemPath p : paths) {
      ItemView v = ctx.views.get(p);
      if (v != null) {
        ItemState st = ctx.state(p);
        if (st != null) {
          v.update(st);
        }
      }
    }
    if (!c.enablement().isEmpty()) {
      ctx.rowsViews.forEach(RowsView::refreshVisibility);
    }
  }

  private void relabelAll() {
    sections.relabel();
    summary.relabel();
    toolbar.relabel();
    undoBar.relabel();
    renderSaveStatus();
  }

  private void renderSaveStatus() {
    SaveStatus s = vm.saveStatusProperty().get();
    String text;
    if (s instanceof SaveStatus.Saving) {
      text = ctx.msg("form.ui.save.saving");
    } else if (s instanceof SaveStatus.Saved saved) {
      text = ctx.msg("form.ui.save.saved", saved.at().format(SAVED_AT));
    } else if (s instanceof SaveStatus.Failed f) {
      text = ctx.msg("form.ui.save.failed", ctx.msg(f.reasonKey(), f.args().toArray()));
    } else {
      text = "";
    }
    saveStatus.setText(text);
    saveStatus.pseudoClassStateChanged(
        javafx.css.PseudoClass.getPseudoClass("failed"), s instanceof SaveStatus.Failed);
  }

  /** Runs {@code work} once, after the layout pass of the first frame that shows the editor. */
  private void afterFirstFrame(Runnable work) {
    root.sceneProperty()
        .addListener(
            new ChangeListener<Scene>() {
              @Override
              public void changed(
                  ObservableValue<? extends Scene> o, @Nullable Scene old, @Nullable Scene scene) {
                if (scene == null) {
                  return;
                }
                root.sceneProperty().removeListener(this);
                Runnable[] once = new Runnable[1];
                once[0] =
                    () -> {
                      scene.removePostLayoutPulseListener(once[0]);
                      work.run();
                    };
                scene.addPostLayoutPulseListener(once[0]);
              }
            });
  }

  private void installFocusLossSave() {
    root.sceneProperty()
        .addListener(
            (o, oldScene, scene) -> {
              if (scene == null) {
                return;
              }
              scene
                  .focusOwnerProperty()
                  .addListener(
                      (obs, a, b) -> {
                        if (b != null && !isInside(b)) {
                          ctx.flushCommits();
                          vm.saveNow();
                        }
                      });
              scene
                  .windowProperty()
                  .addListener(
                      (obs, a, w) -> {
                        if (w != null) {
                          w.focusedProperty()
                              .addListener(
                                  (x, was, is) -> {
                                    if (!is) {
                                      ctx.flushCommits();
                                      vm.saveNow();
                                    }
                                  });
                        }
                      });
            });
  }

  private boolean isInside(Node n) {
    for (Node x = n; x != null; x = x.getParent()) {
      if (x == root) {
        return true;
      }
    }
    return false;
  }

  // --- navigation -----------------------------------------------------------------------------

  /** The item path of the view that holds {@code node}, if any. */
  static Optional<ItemPath> pathOf(@Nullable Node node) {
    for (Node x = node; x != null; x = x.getParent()) {
      Object p = x.getProperties().get(EditorContext.PATH_KEY);
      if (p instanceof ItemPath path) {
        return Optional.of(path);
      }
    }
    return Optional.empty();
  }

  Optional<ItemPath> focusedPath() {
    return root.getScene() == null ? Optional.empty() : pathOf(root.getScene().getFocusOwner());
  }

  void jumpTo(ValidationIssue issue) {
    ctx.showAllProblems = true;
    jumpToPath(issue.path());
  }

  /** Shows the section of {@code path}, builds it as far as that field, and focuses the field. */
  boolean jumpToPath(ItemPath path) {
    return fields.jumpTo(path);
  }

  void scrollTo(Node node) {
    sections.scrollTo(node);
  }

  /** The rows view whose row holds {@code path} (the innermost one), if any. */
  Optional<RowsView> rowsOf(ItemPath path) {
    RowsView best = null;
    int depth = -1;
    for (RowsView r : ctx.rowsViews) {
      if (r.rowOf(path) >= 0 && r.path().steps().size() > depth) {
        best = r;
        depth = r.path().steps().size();
      }
    }
    return Optional.ofNullable(best);
  }
}
