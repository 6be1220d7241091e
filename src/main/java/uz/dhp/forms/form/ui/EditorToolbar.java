package uz.dhp.forms.form.ui;

import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import uz.dhp.forms.form.answer.ItemPath;

/** Top bar: the field finder (Ctrl+F), the save status and the shortcut help (F1). */
final class EditorToolbar {

  private final EditorContext ctx;
  private final TextField finder = new TextField();
  private final SuggestionPopup<FinderHit> hits;
  private final Button helpButton = new Button();
  private final Label helpText = new Label();
  private final VBox help;
  private final VBox root;

  EditorToolbar(EditorContext ctx, Label saveStatus, Predicate<ItemPath> jump) {
    this.ctx = ctx;
    finder.setId("fieldFinder");
    finder.setPrefColumnCount(24);
    hits = new SuggestionPopup<>(finder, h -> h.label() + "  —  " + h.sectionTitle());
    hits.onPick(
        h -> {
          finder.clear();
          jump.test(h.path());
        });
    finder.textProperty().addListener((o, a, b) -> hits.show(ctx.vm.find(b, ctx.lang(), 30)));
    helpButton.setId("helpButton");
    helpButton.setFocusTraversable(false);
    helpButton.setOnAction(e -> toggleHelp());
    helpText.setId("helpText");
    helpText.setWrapText(true);
    help = new VBox(helpText);
    help.getStyleClass().add("help-pane");
    help.setVisible(false);
    help.setManaged(false);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(8, finder, spacer, saveStatus, helpButton);
    bar.getStyleClass().add("editor-toolbar");
    root = new VBox(bar, help);
    relabel();
  }

  Node node() {
    return root;
  }

  void focusFinder() {
    finder.requestFocus();
    finder.selectAll();
  }

  boolean finderHasFocus() {
    return finder.isFocused();
  }

  void toggleHelp() {
    boolean show = !help.isVisible();
    help.setVisible(show);
    help.setManaged(show);
    relabel();
  }

  boolean helpShown() {
    return help.isVisible();
  }

  void relabel() {
    finder.setPromptText(ctx.msg("form.ui.finder.prompt"));
    finder.setAccessibleText(ctx.msg("form.ui.finder.prompt"));
    helpButton.setText(ctx.msg("form.ui.help.button"));
    // The long shortcut text is laid out only while shown (not at every editor's first frame).
    helpText.setText(
        help.isVisible()
            ? ctx.msg("form.ui.help.title") + "\n" + ctx.msg("form.ui.help.keys")
            : "");
  }
}
