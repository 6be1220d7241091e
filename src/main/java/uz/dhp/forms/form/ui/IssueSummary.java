package uz.dhp.forms.form.ui;

import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import uz.dhp.forms.form.rules.ValidationIssue;

/**
 * The problems of the whole form; click or Enter jumps to the field, switching section. The list is
 * filled after the editor's first frame ({@link #fill}): at open it holds every empty required
 * field of the form, which the user does not need in the frame that shows the form.
 */
final class IssueSummary {

  private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

  private final ListView<ValidationIssue> list;
  private final Label heading = new Label();
  private final VBox root;
  private final EditorContext ctx;

  IssueSummary(EditorContext ctx, Consumer<ValidationIssue> jump) {
    this.ctx = ctx;
    list = new ListView<>();
    // The heading says how many there are; an empty list needs no text of its own.
    list.setPlaceholder(new javafx.scene.layout.Region());
    list.setId("issueList");
    list.getStyleClass().add("issue-list");
    list.setCellFactory(l -> new Cell());
    list.setFixedCellSize(44);
    list.setOnMouseClicked(
        e -> {
          ValidationIssue i = list.getSelectionModel().getSelectedItem();
          if (i != null) {
            jump.accept(i);
          }
        });
    list.setOnKeyPressed(
        e -> {
          ValidationIssue i = list.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.ENTER && i != null) {
            jump.accept(i);
            e.consume();
          }
        });
    heading.getStyleClass().add("issue-heading");
    heading.setLabelFor(list);
    root = new VBox(4, heading, list);
    root.getStyleClass().add("issue-summary");
    VBox.setVgrow(list, Priority.ALWAYS);
    root.setPrefWidth(300);
    ctx.vm.issues().addListener((InvalidationListener) o -> relabel());
    relabel();
  }

  VBox node() {
    return root;
  }

  /** Shows the view model's issues (and follows them from now on). */
  void fill() {
    if (list.getItems() != ctx.vm.issues()) {
      list.setItems(ctx.vm.issues());
    }
  }

  void focus() {
    fill();
    list.requestFocus();
  }

  void relabel() {
    heading.setText(ctx.msg("form.ui.issues.heading", ctx.vm.issues().size()));
    list.refresh();
  }

  /** "Section › Field: message". */
  String text(ValidationIssue i) {
    String field =
        ctx.vm
            .definition()
            .index()
            .find(i.path().linkId())
            .map(item -> QuestionView.labelText(ctx, item, false))
            .orElse(i.path().linkId());
    if (i.path().steps().size() > 1 && i.path().steps().stream().anyMatch(s -> s.index() > 0)) {
      field = field + " (" + ctx.msg("form.ui.issues.row", rowNumber(i)) + ")";
    }
    String section = ctx.vm.sections().get(ctx.vm.sectionOf(i.path())).title().in(ctx.lang());
    return ctx.msg("form.ui.issues.entry", section, field, ctx.msg(i.key(), i.args().toArray()));
  }

  private static int rowNumber(ValidationIssue i) {
    int row = 0;
    for (var s : i.path().steps()) {
      if (s.index() > 0) {
        row = s.index();
      }
    }
    return row + 1;
  }

  private final class Cell extends ListCell<ValidationIssue> {
    Cell() {
      setWrapText(true);
      setPrefWidth(0);
    }

    @Override
    protected void updateItem(ValidationIssue i, boolean empty) {
      super.updateItem(i, empty);
      setText(empty || i == null ? null : text(i));
      pseudoClassStateChanged(
          WARNING, !empty && i != null && i.severity() == ValidationIssue.Severity.WARNING);
    }
  }
}
