package uz.dhp.forms.ui;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicks that wait until the target is really on screen. On a slow, loaded machine a value reaches
 * a model a pulse or more before a cell, a notification or a new screen shows it; a click aimed by
 * query at that moment finds nothing, or lands where the node was a frame ago. So: wait until the
 * node is visible, its centre inside its window, and it has held still for a few pulses (a sliding
 * notification moves every pulse).
 */
public final class Shown {

  private static final long TIMEOUT_SECONDS = 60;
  private static final long STILL_NANOS = TimeUnit.MILLISECONDS.toNanos(150);

  private Shown() {}

  /** Waits for the node {@code query} finds (CSS selector or text) to be shown, then clicks it. */
  public static org.testfx.api.FxRobotInterface click(FxRobot robot, String query)
      throws Exception {
    return robot.clickOn(await(robot, () -> robot.lookup(query).tryQuery(), query));
  }

  /** Waits for {@code node} to be shown and still, then clicks it. */
  public static org.testfx.api.FxRobotInterface click(FxRobot robot, Node node) throws Exception {
    return robot.clickOn(await(robot, () -> Optional.of(node), String.valueOf(node)));
  }

  /** Waits until the node {@code query} finds is shown and still; returns it. */
  public static Node await(FxRobot robot, String query) throws Exception {
    return await(robot, () -> robot.lookup(query).tryQuery(), query);
  }

  private static Node await(FxRobot robot, Callable<Optional<Node>> find, String what)
      throws Exception {
    AtomicReference<Node> seen = new AtomicReference<>();
    AtomicReference<Bounds> last = new AtomicReference<>();
    long[] since = {0};
    try {
      WaitForAsyncUtils.waitFor(
          TIMEOUT_SECONDS,
          TimeUnit.SECONDS,
          () ->
              WaitForAsyncUtils.asyncFx(
                      () -> {
                        Node n = find.call().orElse(null);
                        Bounds b = n == null ? null : onScreen(n);
                        long now = System.nanoTime();
                        if (b == null || n != seen.get() || !b.equals(last.get())) {
                          seen.set(n);
                          last.set(b);
                          since[0] = now;
                          return false;
                        }
                        return now - since[0] >= STILL_NANOS;
                      })
                  .get(10, TimeUnit.SECONDS));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("not shown within " + TIMEOUT_SECONDS + " s: " + what, e);
    }
    WaitForAsyncUtils.waitForFxEvents();
    return seen.get();
  }

  /** The node's bounds in its scene when it is visible with its centre in the window, else null. */
  private static Bounds onScreen(Node n) {
    if (n.getScene() == null || n.getScene().getWindow() == null) {
      return null;
    }
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return null;
      }
    }
    Bounds b = n.localToScene(n.getBoundsInLocal());
    boolean inside =
        b.getWidth() > 0
            && b.getHeight() > 0
            && b.getCenterX() >= 0
            && b.getCenterY() >= 0
            && b.getCenterX() <= n.getScene().getWidth()
            && b.getCenterY() <= n.getScene().getHeight();
    return inside && n.getScene().getWindow().isShowing() ? b : null;
  }
}
