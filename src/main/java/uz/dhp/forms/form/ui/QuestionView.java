package uz.dhp.forms.form.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.LocalizedText;
import uz.dhp.forms.form.rules.ItemState;
import uz.dhp.forms.form.rules.ValidationIssue;

/**
 * A question: label (prefix, text, required mark), its editor, and its problems right under the
 * field. In a table cell ({@code compact}) the label is the column header and only the accessible
 * text carries it.
 */
final class QuestionView extends ItemView {

  static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
  static final PseudoClass WARNED = PseudoClass.getPseudoClass("warned");

  private final AnswersEditor editor;
  private final VBox root = new VBox(3);
  private final Label label = new Label();
  private final Label problems = new Label();
  private List<ValidationIssue> issues = List.of();
  private @Nullable String localError;
  private boolean touched;
  private boolean hasAnswers;

  QuestionView(
      EditorContext ctx, ItemPath path, FormItem item, AnswersEditor editor, boolean compact) {
    super(ctx, path, item);
    this.editor = editor;
    root.getStyleClass().add("form-question");
    root.getProperties().put(EditorContext.PATH_KEY, path);
    label.getStyleClass().add("item-label");
    label.setWrapText(true);
    label.setLabelFor(editor.focusTarget());
    problems.getStyleClass().add("item-problems");
    problems.setWrapText(true);
    problems.setVisible(false);
    problems.setManaged(false);
    editor.bind(
        answers -> ctx.commit(path, answers),
        key -> {
          localError = key;
          showProblems();
        });
    // Problems of an untouched empty field (e.g. "required" at open) wait until the user has
    // been there, or asks for them (F8, the summary): a new form is not a wall of red.
    root.focusWithinProperty()
        .addListener(
            (o, was, is) -> {
              if (!is && !touched) {
                touched = true;
                showProblems();
              }
            });
    if (!compact) {
      root.getChildren().add(label);
    }
    root.getChildren().addAll(editor.node(), problems);
    relabel();
  }

  /** "1.2 Weight, kg *": prefix, text and the required mark. */
  static String labelText(EditorContext ctx, FormItem item, boolean withRequired) {
    LocalizedText prefix = item.common().prefix();
    String text = ctx.text(item.common().text());
    String p = prefix == null ? "" : ctx.text(prefix);
    String s = p.isEmpty() ? text : p + " " + text;
    return withRequired && item.common().required() ? s + " *" : s;
  }

  @Override
  Node node() {
    return root;
  }

  @Override
  Node focusTarget() {
    return editor.focusTarget();
  }

  @Override
  void update(ItemState state) {
    editor.show(state.answers());
    editor.setReadOnly(state.readOnly());
    root.pseudoClassStateChanged(ValueEditor.READ_ONLY, state.readOnly());
    issues = state.issues();
    hasAnswers = !state.answers().isEmpty();
    touched |= hasAnswers;
    showProblems();
    showEnabled(state.enabled());
  }

  @Override
  void collectTargets(List<Node> out) {
    Node t = focusTarget();
    if (isShowing(t)
        && !t.isDisabled()
        && !(ctx.state(path) != null && ctx.state(path).readOnly())) {
      out.add(t);
    }
  }

  @Override
  void relabel() {
    String text = labelText(ctx, item, true);
    label.setText(text);
    Node target = editor.focusTarget();
    target.setAccessibleText(text);
    LocalizedText format = item.common().entryFormat();
    if (format != null) {
      editor.setPrompt(ctx.text(format));
    }
    editor.relabel();
    showProblems();
  }

  private void showProblems() {
    List<String> lines = new ArrayList<>();
    if (localError != null) {
      lines.add(ctx.msg(localError));
    }
    boolean error = localError != null;
    boolean warning = false;
    for (ValidationIssue i : touched || ctx.showAllProblems ? issues : List.<ValidationIssue>of()) {
      lines.add(ctx.msg(i.key(), i.args().toArray()));
      error |= i.severity() == ValidationIssue.Severity.ERROR;
      warning |= i.severity() == ValidationIssue.Severity.WARNING;
    }
    String text = String.join("\n", lines);
    problems.setText(text);
    problems.setVisible(!text.isEmpty());
    problems.setManaged(!text.isEmpty());
    root.pseudoClassStateChanged(INVALID, error);
    root.pseudoClassStateChanged(WARNED, warning && !error);
  }

  /** Shows this field's problems even if it was not visited yet (jumped to from the summary). */
  void reveal() {
    touched = true;
    showProblems();
  }

  /** The text under the field (tests and the summary use the same messages). */
  String problemText() {
    return problems.getText();
  }
}
