package uz.dhp.forms.form.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The scrolling area showing one section. A section's view is made when the section is first shown
 * and kept: at once what fills the screen, then the rest in slices at the start of the following
 * pulses, so opening a large form costs one screen of controls, not the whole section.
 *
 * <p>Tab inside the section is JavaFX's own traversal (composite editors, suggestion lists and
 * scrolling keep working). Two empty focusable edges around the section catch Tab where it would
 * leave what is built: the {@link Edge} then moves on in form order (building what it reaches).
 */
final class SectionPane {

  /** Tab reached an edge of the shown section. */
  @FunctionalInterface
  interface Edge {
    /**
     * @param end the edge after the section (else the one before it)
     * @param fromInside Tab came from a field of the section (else from outside, going in)
     */
    void reached(boolean end, boolean fromInside);
  }

  /** Height to fill when the window has no size yet (a 1080p screen's form area). */
  private static final double DEFAULT_SCREEN_PX = 900;

  /** Building per pulse after the first screen: leaves the rest of the frame to CSS and layout. */
  private static final long SLICE_NANOS = 6_000_000;

  private final EditorContext ctx;
  private final Parent editorRoot;
  private final VBox holder = new VBox();
  private final ScrollPane scroll = new ScrollPane(holder);
  private final Map<Integer, SectionView> views = new HashMap<>();
  private final ReadOnlyBooleanWrapper built = new ReadOnlyBooleanWrapper();
  private final Region start = edge();
  private final Region end = edge();
  private final ChangeListener<@Nullable Node> focusWatch;
  private final AnimationTimer slicer =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          buildSlice();
        }
      };

  /**
   * @param editorRoot the editor's root: slices run while it is in a scene
   */
  SectionPane(EditorContext ctx, Parent editorRoot, Edge edge) {
    this.ctx = ctx;
    this.editorRoot = editorRoot;
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("form-scroll");
    holder.getStyleClass().add("section-holder");
    focusWatch =
        (o, was, now) -> {
          if (now == start || now == end) {
            edge.reached(now == end, was != null && isIn(was, current().node()));
          }
        };
    editorRoot
        .sceneProperty()
        .addListener(
            (o, old, scene) -> {
              if (old != null) {
                old.focusOwnerProperty().removeListener(focusWatch);
              }
              if (scene != null) {
                scene.focusOwnerProperty().addListener(focusWatch);
                current().buildScreen(screenHeight());
              }
              resume();
            });
  }

  private static Region edge() {
    Region r = new Region();
    r.setFocusTraversable(true);
    r.setPrefHeight(0);
    r.setMaxHeight(0);
    r.getStyleClass().add("section-edge");
    return r;
  }

  ScrollPane node() {
    return scroll;
  }

  ReadOnlyBooleanProperty builtProperty() {
    return built.getReadOnlyProperty();
  }

  /** Puts the section's view on screen (making it if it is new). */
  void show(int index) {
    SectionView view = view(index);
    if (holder.getChildren().isEmpty()) {
      holder.getChildren().setAll(start, view.node(), end);
    } else {
      // Only the middle: an edge may hold the focus while Tab moves on to another section.
      holder.getChildren().set(1, view.node());
    }
    scroll.setVvalue(0);
    built.set(view.isComplete());
    resume();
  }

  /**
   * The view of a section, made if it is new (with a screenful built once the editor is in a
   * window); not put on screen.
   */
  SectionView view(int index) {
    return views.computeIfAbsent(index, this::start);
  }

  SectionView current() {
    return view(ctx.vm.currentSectionProperty().get());
  }

  /** Only an already made view, for lookups that must not build a section nobody looked at. */
  @Nullable SectionView existing(int index) {
    return views.get(index);
  }

  private SectionView start(int index) {
    Section s = ctx.vm.sections().get(index);
    SectionView view =
        new SectionView(
            ctx,
            s.linkIds().stream().map(id -> ctx.vm.definition().item(id)).toList(),
            () -> completed(index));
    if (editorRoot.getScene() != null) {
      // Otherwise when the editor is put into a window, whose height is known then.
      view.buildScreen(screenHeight());
    }
    return view;
  }

  private double screenHeight() {
    double h = editorRoot.getScene() == null ? 0 : editorRoot.getScene().getHeight();
    return h > 0 ? h : DEFAULT_SCREEN_PX;
  }

  /** Slices run while the shown section is incomplete and the editor is in a scene. */
  private void resume() {
    if (editorRoot.getScene() != null && !current().isComplete()) {
      slicer.start();
    } else {
      slicer.stop();
    }
  }

  void stop() {
    slicer.stop();
  }

  /**
   * One slice, at the start of a pulse. Nothing is added before the section's first screen has been
   * laid out: that frame is the one the user waits for.
   */
  private void buildSlice() {
    SectionView view = current();
    Node node = view.node();
    if (!view.isComplete() && node.getScene() != null && node.getLayoutBounds().getWidth() > 0) {
      view.buildFor(SLICE_NANOS);
    }
    if (view.isComplete()) {
      slicer.stop();
    }
  }

  /** A section got its last view (in a slice, or on demand). */
  private void completed(int index) {
    if (index == ctx.vm.currentSectionProperty().get()) {
      built.set(true);
      slicer.stop();
    }
  }

  void relabel() {
    views.values().forEach(SectionView::relabel);
  }

  /** Visible, editable fields of the shown section built so far, in form order. */
  List<Node> targets() {
    return current().targets();
  }

  /** True if {@code n} is inside the shown section. */
  boolean contains(Node n) {
    return isIn(n, current().node());
  }

  private static boolean isIn(Node n, Node container) {
    for (Node x = n; x != null; x = x.getParent()) {
      if (x == container) {
        return true;
      }
    }
    return false;
  }

  /** Scrolls so that {@code node} (inside the shown section) is in view. */
  void scrollTo(Node node) {
    editorRoot.applyCss();
    editorRoot.layout();
    Bounds content = holder.getLayoutBounds();
    Bounds b = holder.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
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
}
