package uz.dhp.forms.form.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
 * Sections are built when first shown and kept; after an edit only the items the engine's ChangeSet
 * names are refreshed. Put {@link #root()} into the window; call {@link #flush()} when the window
 * closes.
 */
public final class FormEditor {

  private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final FormEditorViewModel vm;
  private final EditorContext ctx;
  private final BorderPane root = new BorderPane();
  private final VBox sectionHolder = new VBox();
  private final ScrollPane scroll = new ScrollPane(sectionHolder);
  private final Map<Integer, List<ItemView>> built = new HashMap<>();
  private final Map<Integer, Node> sectionNodes = new HashMap<>();
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
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("form-scroll");
    sectionHolder.getStyleClass().add("section-holder");
    saveStatus.setId("saveStatus");
    saveStatus.getStyleClass().add("save-status");
    summary = new IssueSummary(ctx, this::jumpTo);
    undoBar = new UndoBar(ctx);
    toolbar = new EditorToolbar(ctx, saveStatus, this::jumpToPath);

    root.setTop(toolbar.node());
    VBox center = new VBox(undoBar.node(), scroll);
    VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
    root.setCenter(center);
    root.setRight(summary.node());
    navigator = vm.isPaged() ? new SectionNavigator(vm, i18n) : null;
    if (navigator != null) {
      root.setLeft(navigator.node());
    }
    new EditorKeys(this, ctx, toolbar, undoBar).install(root);

    vm.addChangeListener(this::applyChanges);
    vm.currentSectionProperty().addListener((o, a, b) -> showSection(b.intValue()));
    vm.saveStatusProperty().addListener((InvalidationListener) o -> renderSaveStatus());
    // Weak: the app's I18n outlives editors; a closed editor must not stay reachable from it.
    i18n.messagesProperty().addListener(new WeakInvalidationListener(relabel));
    installFocusLossSave();
    showSection(vm.currentSectionProperty().get());
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
    vm.close();
  }

  /** Focuses the first field of the visible section. */
  public void focusFirstField() {
    List<Node> t = targets();
    if (!t.isEmpty()) {
      t.get(0).requestFocus();
    }
  }

  /** Shows the item's section and focuses its field; false if the item is not shown. */
  public boolean focusField(ItemPath path) {
    return jumpToPath(path);
  }

  /** The input control of an item in a section already built (for tests and benchmarks). */
  public Optional<Node> inputOf(ItemPath path) {
    ItemView v = ctx.views.get(path);
    return v == null ? Optional.empty() : Optional.ofNullable(v.focusTarget());
  }

  // --- sections -------------------------------------------------------------------------------

  void showSection(int index) {
    Node node = sectionNodes.computeIfAbsent(index, this::buildSection);
    sectionHolder.getChildren().setAll(node);
    scroll.setVvalue(0);
  }

  private Node buildSection(int index) {
    Section s = vm.sections().get(index);
    List<ItemView> views =
        ItemView.build(
            ctx, null, s.linkIds().stream().map(id -> vm.definition().item(id)).toList(), false);
    built.put(index, views);
    VBox box = new VBox(12);
    box.getStyleClass().add("section-content");
    views.forEach(v -> box.getChildren().add(v.node()));
    return box;
  }

  int currentSection() {
    return vm.currentSectionProperty().get();
  }

  /** Visible, editable fields of the current section in form order. */
  List<Node> targets() {
    List<Node> out = new ArrayList<>();
    for (ItemView v : built.getOrDefault(currentSection(), List.of())) {
      v.collectTargets(out);
    }
    return out;
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
    for (List<ItemView> views : built.values()) {
      views.forEach(ItemView::relabel);
    }
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

  /** Shows the section of {@code path} and focuses its field. */
  boolean jumpToPath(ItemPath path) {
    ctx.flushCommits();
    int s = vm.sectionOf(path);
    if (s != currentSection()) {
      vm.currentSectionProperty().set(s);
    }
    ItemView v = ctx.views.get(path);
    if (v == null) {
      return false;
    }
    if (v instanceof QuestionView q) {
      q.reveal();
    }
    Node target = v.focusTarget();
    if (target == null) {
      target = v.node();
    }
    scrollTo(v.node());
    target.requestFocus();
    return true;
  }

  void scrollTo(Node node) {
    root.applyCss();
    root.layout();
    Bounds content = sectionHolder.getLayoutBounds();
    Bounds b = sectionHolder.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
    double viewport = scroll.getViewportBounds().getHeight();
    double range = content.getHeight() - viewport;
    if (b == null || range <= 0) {
      return;
    }
    double top = scroll.getVvalue() * range;
    if (b.getMinY() < top || b.getMaxY() > top + viewport) {
      scroll.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - viewport / 4) / range)));
    }
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

  Parent rootParent() {
    return root;
  }
}
