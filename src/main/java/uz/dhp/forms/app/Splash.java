package uz.dhp.forms.app;

import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import uz.dhp.forms.ui.I18n;

/**
 * The window's first frame: the app's colours and a mark (a sheet with lines), built from shapes
 * only — the window title already names the app. No control and no text means JavaFX loads no style
 * sheet and no fonts for it, so the window appears about as fast as an empty one while the main
 * window is built on the next pulses.
 */
final class Splash {

  private Splash() {}

  static Parent create(I18n i18n) {
    Color ink = Color.web("#1f3a5f");
    Rectangle sheet = new Rectangle(64, 84, Color.WHITE);
    sheet.setStroke(ink);
    sheet.setStrokeWidth(3);
    sheet.setArcWidth(8);
    sheet.setArcHeight(8);
    VBox lines = new VBox(10, line(ink, 36), line(ink, 36), line(ink, 24));
    lines.setAlignment(Pos.CENTER_LEFT);
    lines.setMaxSize(36, 40);
    StackPane root = new StackPane(sheet, lines);
    root.setId("splash");
    root.setBackground(new Background(new BackgroundFill(Color.web("#f4f6f9"), null, null)));
    root.setAccessibleRole(AccessibleRole.TEXT);
    root.setAccessibleText(i18n.get("app.title") + ". " + i18n.get("app.opening"));
    return root;
  }

  private static Rectangle line(Color ink, double width) {
    return new Rectangle(width, 5, ink);
  }
}
