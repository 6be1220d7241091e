package uz.dhp.forms.app;

import java.util.function.Consumer;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.ui.I18n;

/**
 * The window's top: title, code list import and language on the first row; the screens on the
 * second (two rows, so that no button ends up in an overflow menu at any width or language).
 */
final class TopBar {

  /** What the buttons do. */
  record Actions(
      Runnable drafts,
      Runnable awaiting,
      Runnable outbox,
      Runnable clinic,
      Runnable server,
      Runnable importCodeLists) {}

  private final VBox root;
  private final ComboBox<UiLanguage> language = new ComboBox<>();

  TopBar(I18n i18n, IntegerProperty awaitingCount, Actions actions, Consumer<UiLanguage> chosen) {
    Label title = new Label();
    title.textProperty().bind(i18n.text("app.title"));
    title.getStyleClass().add("app-title");

    language.setId("languageSwitch");
    language.getItems().setAll(UiLanguage.values());
    language.setValue(i18n.language());
    language.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(UiLanguage l) {
            return l == null ? "" : l.nativeName();
          }

          @Override
          public UiLanguage fromString(String s) {
            return null;
          }
        });
    language.accessibleTextProperty().bind(i18n.text("app.language"));
    Label languageLabel = new Label();
    languageLabel.textProperty().bind(i18n.text("app.language"));
    languageLabel.setLabelFor(language);
    language.valueProperty().addListener((o, old, now) -> chosen.accept(now));

    Button importLists =
        button("importCodeLists", i18n.text("import.button"), actions.importCodeLists());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    ToolBar top = new ToolBar(title, spacer, importLists, languageLabel, language);
    HBox nav =
        new HBox(
            8,
            button("navDrafts", i18n.text("nav.drafts"), actions.drafts()),
            button("navAwaiting", i18n.text("nav.awaiting", awaitingCount), actions.awaiting()),
            button("navOutbox", i18n.text("nav.outbox"), actions.outbox()),
            button("navClinic", i18n.text("nav.clinic"), actions.clinic()),
            button("navServer", i18n.text("nav.server"), actions.server()));
    nav.setId("navigation");
    nav.setPadding(new Insets(4, 8, 4, 8));
    nav.getStyleClass().add("navigation");
    root = new VBox(top, nav);
  }

  VBox root() {
    return root;
  }

  /** The language switch (set when the store's remembered language arrives). */
  ComboBox<UiLanguage> languageBox() {
    return language;
  }

  private static Button button(String id, StringBinding text, Runnable action) {
    Button b = new Button();
    b.setId(id);
    b.textProperty().bind(text);
    b.setOnAction(e -> action.run());
    return b;
  }
}
