package uz.dhp.forms.app;

import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import uz.dhp.forms.ui.I18n;

/**
 * The window's first frame: the app's name and "opening…", built from shapes and text only. No
 * control means JavaFX loads and applies no style sheet for it, so the window appears as fast as an
 * empty one while the main window is built on the next pulses.
 */
final class Splash {

  private Splash() {}

  static Parent create(I18n i18n) {
    Text title = new Text(i18n.get("app.title"));
    title.setFont(Font.font(null, FontWeight.BOLD, 28));
    title.setFill(Color.web("#1f3a5f"));
    Text opening = new Text(i18n.get("app.opening"));
    opening.setFont(Font.font(16));
    opening.setFill(Color.web("#44546a"));
    VBox lines = new VBox(8, title, opening);
    lines.setAlignment(javafx.geometry.Pos.CENTER);
    StackPane root = new StackPane(lines);
    root.setId("splash");
    root.setBackground(new Background(new BackgroundFill(Color.web("#f4f6f9"), null, null)));
    root.setAccessibleRole(AccessibleRole.TEXT);
    root.setAccessibleText(i18n.get("app.title") + ". " + i18n.get("app.opening"));
    return root;
  }
}
