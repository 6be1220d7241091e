package uz.dhp.forms.signing.ui;

import javafx.scene.Parent;
import javafx.scene.web.WebView;

/**
 * Shows a document's narrative (what the practitioner attests) before signing. JavaScript is off
 * and every navigation away from the loaded page is refused: the page is display only.
 */
public final class DocumentPreview {

  private final WebView web = new WebView();

  public DocumentPreview() {
    web.setId("documentPreview");
    web.setContextMenuEnabled(false);
    web.getEngine().setJavaScriptEnabled(false);
    web.getEngine().setCreatePopupHandler(features -> null);
    web.getEngine()
        .locationProperty()
        .addListener(
            (o, was, now) -> {
              // Loading content gives "" (or about:blank); anything else is a link followed.
              if (now != null && !now.isEmpty() && !now.startsWith("about:")) {
                javafx.application.Platform.runLater(() -> web.getEngine().loadContent(""));
              }
            });
  }

  public Parent root() {
    return web;
  }

  /** Shows this HTML page (from {@code uz.dhp.forms.signing.AttestedNarrative}). */
  public void show(String html) {
    web.getEngine().loadContent(html, "text/html");
  }

  public void clear() {
    web.getEngine().loadContent("");
  }

  /** Scales the text with the app's font size (1.0 = 14 px base). */
  public void setFontScale(double scale) {
    web.setFontScale(scale);
  }
}
