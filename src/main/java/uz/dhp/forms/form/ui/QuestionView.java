package uz.dhp.forms.form.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
 * text carries it. The editor is made when the question is first shown: one that skip logic hides
 * costs no controls (JavaFX styles and skins hidden controls too) until it is switched on.
 */
final class QuestionView extends ItemView {

  static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
  static final PseudoClass WARNED = PseudoClass.getPseudoClass("warned");

  private final Supplier<AnswersEditor> makeEditor;
  private final boolean compact;
  private @Nullable AnswersEditor editor;
  private @Nullable ItemState state;
  private final VBox root = new VBox(3);
  private final Label label = new Label();
  private @Nullable Label problems;
  private List<ValidationIssue> issues = List.of();
  private @Nullable String localError;
  private boolean touched;
  private boolean hasAnswers;

  /**
   * @param editor makes the editor (once, when the question is first shown or focused)
   */
  QuestionView(
      EditorContext ctx,
      ItemPath path,
      FormItem item,
      Supplier<AnswersEditor> editor,
      boolean compact) {
    super(ctx, path, item);
    this.makeEditor = editor;
    this.compact = compact;
    root.getStyleClass().add("form-question");
    root.getProperties().put(EditorContext.PATH_KEY, path);
    label.getStyleClass().add("item-label");
    label.setWrapText(true);
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
    relabel();
  }

  private AnswersEditor editor() {
    AnswersEditor e = editor;
    if (e != null) {
      return e;
    }
    e = makeEditor.get();
    editor = e;
    e.bind(
        answers -> ctx.commit(path, answers),
        key -> {
          localError = key;
          showProblems();
        });
    label.setLabelFor(e.focusTarget());
    root.getChildren().add(compact ? 0 : 1, e.node());
    relabelEditor(e);
    if (state != null) {
      e.show(state.answers());
      e.setReadOnly(state.readOnly());
    }
    return e;
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

  /** The editor's field (made now if the question was never shown). */
  @Override
  Node focusTarget() {
    return editor().focusTarget();
  }

  @Override
  void update(ItemState state) {
    this.state = state;
    if (editor != null || (state.enabled() && !item.common().hidden())) {
      AnswersEditor e = editor();
      e.show(state.answers());
      e.setReadOnly(state.readOnly());
    }
    root.pseudoClassStateChanged(ValueEditor.READ_ONLY, state.readOnly());
    issues = state.issues();
    hasAnswers = !state.answers().isEmpty();
    touched |= hasAnswers;
    showProblems();
    showEnabled(state.enabled());
  }

  @Override
  void collectTargets(List<Node> out) {
    if (editor == null) {
      return; // never shown
    }
    Node t = editor.focusTarget();
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
    if (editor != null) {
      relabelEditor(editor);
    }
    showProblems();
  }

  private void relabelEditor(AnswersEditor e) {
    e.focusTarget().setAccessibleText(label.getText());
    LocalizedText format = item.common().entryFormat();
    if (format != null) {
      e.setPrompt(ctx.text(format));
    }
    e.relabel();
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
    Label shown = problems;
    if (shown == null && !text.isEmpty()) {
      // Made for the first problem: most fields never have one.
      shown = new Label();
      shown.getStyleClass().add("item-problems");
      shown.setWrapText(true);
      root.getChildren().add(shown);
      problems = shown;
    }
    if (shown != null) {
      shown.setText(text);
      shown.setVisible(!text.isEmpty());
      shown.setManaged(!text.isEmpty());
    }
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
    return problems == null ? "" : problems.getText();
  }
}
