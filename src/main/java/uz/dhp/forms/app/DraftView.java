package uz.dhp.forms.app;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import uz.dhp.forms.app.DraftIndex.DraftDetail;
import uz.dhp.forms.ui.I18n;

/**
 * An opened draft: its identity and its stored answers. The form editor (issue 3) replaces the
 * answer area; the surrounding frame (title, back) stays.
 */
final class DraftView {

  private final VBox root;

  DraftView(DraftDetail draft, I18n i18n, Runnable back) {
    Button backButton = new Button();
    backButton.setId("backHome");
    backButton.textProperty().bind(i18n.text("draft.back"));
    backButton.setOnAction(e -> back.run());

    GridPane facts = new GridPane();
    facts.setHgap(12);
    facts.setVgap(4);
    addFact(
        facts, 0, i18n, "home.drafts.col.form", draft.row().formId() + " " + draft.formVersion());
    addFact(facts, 1, i18n, "home.drafts.col.patient", draft.row().patientName());
    addFact(facts, 2, i18n, "home.drafts.col.pinfl", draft.row().pinfl());

    Label answersLabel = new Label();
    answersLabel.textProperty().bind(i18n.text("draft.answers"));
    TextArea answers = new TextArea(draft.questionnaireResponseJson());
    answers.setId("draftAnswers");
    answers.setEditable(false);
    answers.setWrapText(true);
    answersLabel.setLabelFor(answers);
    answers.accessibleTextProperty().bind(i18n.text("draft.answers"));

    root = new VBox(10, backButton, facts, answersLabel, answers);
    VBox.setVgrow(answers, Priority.ALWAYS);
    root.setPadding(new Insets(12));
    root.setId("draftView");
  }

  private static void addFact(GridPane grid, int row, I18n i18n, String key, String value) {
    Label name = new Label();
    name.textProperty().bind(i18n.text(key));
    Label v = new Label(value == null ? "" : value);
    v.setId("fact-" + row);
    name.setLabelFor(v);
    grid.addRow(row, name, v);
  }

  Region root() {
    return root;
  }
}
