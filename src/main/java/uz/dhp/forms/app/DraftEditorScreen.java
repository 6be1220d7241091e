package uz.dhp.forms.app;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import uz.dhp.forms.app.DraftIndex.DraftDetail;
import uz.dhp.forms.form.rules.FormSession;
import uz.dhp.forms.form.ui.DraftSink;
import uz.dhp.forms.form.ui.FilePicker;
import uz.dhp.forms.form.ui.FormEditor;
import uz.dhp.forms.form.ui.FormEditorViewModel;
import uz.dhp.forms.form.ui.Scheduler;
import uz.dhp.forms.terminology.TerminologySource;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.TaskRunner;

/**
 * An open draft: the form editor with autosave into the draft store, under a bar with the way back
 * and the finalize action. Leaving the screen (Back, Esc, closing the window) saves first.
 */
final class DraftEditorScreen {

  private final FormEditor editor;
  private final BorderPane root = new BorderPane();
  private final Button finalizeButton = new Button();
  private final javafx.scene.control.ProgressIndicator working =
      new javafx.scene.control.ProgressIndicator();
  private final Label workingText = new Label();
  private final javafx.scene.control.ListView<Problem> problems =
      new javafx.scene.control.ListView<>();
  private final javafx.scene.layout.VBox problemPane = new javafx.scene.layout.VBox(6);
  private final Label problemTitle = new Label();
  private final DraftDetail draft;
  private boolean closed;

  /** A finding of the document checks, in the user's language, and the field it concerns. */
  record Problem(String text, java.util.Optional<uz.dhp.forms.form.answer.ItemPath> field) {
    @Override
    public String toString() {
      return text;
    }
  }

  DraftEditorScreen(
      DraftDetail draft,
      FormSession session,
      DraftIndex drafts,
      TerminologySource terminology,
      TaskRunner tasks,
      I18n i18n,
      Runnable back,
      Runnable onFinalize,
      java.util.function.Function<String, java.util.Optional<String>> patients,
      java.util.function.Consumer<String> notify,
      uz.dhp.forms.form.ui.ReferenceChoices references) {
    this.draft = draft;
    PatientFields patient = PatientFields.of(session.definition());
    DraftSink sink =
        json -> {
          var response = PatientFields.parse(json);
          DraftIndex.SaveFailure failure =
              drafts.save(draft, patient.displayName(response), patient.pinfl(response), json);
          return failure == null
              ? new DraftSink.SaveOutcome.Saved()
              : new DraftSink.SaveOutcome.Failed(failure.reasonKey(), failure.args());
        };
    FormEditorViewModel vm =
        new FormEditorViewModel(session, sink, tasks::run, Scheduler.fx(), Clock.systemUTC());
    editor =
        new FormEditor(
            vm,
            i18n,
            terminology,
            tasks::run,
            ZoneId.systemDefault(),
            FilePicker.system(),
            references);
    installPrefill(vm, session, tasks, i18n, patients, notify, () -> closed);

    Button backButton = new Button();
    backButton.setId("backHome");
    backButton.textProperty().bind(i18n.text("draft.back"));
    backButton.setOnAction(e -> back.run());
    Label title = new Label(session.definition().title().in(i18n.language().tag()));
    title.getStyleClass().add("heading");
    i18n.messagesProperty()
        .addListener(
            (o, a, b) -> title.setText(session.definition().title().in(i18n.language().tag())));
    finalizeButton.setId("finalizeDraft");
    finalizeButton.textProperty().bind(i18n.text("draft.finalize"));
    finalizeButton.disableProperty().bind(editor.finalizableProperty().not());
    finalizeButton.setOnAction(e -> onFinalize.run());
    working.setId("finalizeWorking");
    working.setPrefSize(18, 18);
    working.setVisible(false);
    working.accessibleTextProperty().bind(workingText.textProperty());
    workingText.setId("finalizeStatus");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(12, backButton, title, spacer, working, workingText, finalizeButton);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    root.setTop(bar);
    root.setCenter(editor.root());
    root.setId("draftEditor");

    // Findings of the document checks: Enter or a double click goes to the field.
    problems.setId("finalizeProblems");
    problems.setPrefHeight(150);
    problems.accessibleTextProperty().bind(problemTitle.textProperty());
    problems.setOnKeyPressed(
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
            jumpToSelected();
            e.consume();
          }
        });
    problems.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            jumpToSelected();
          }
        });
    problemTitle.getStyleClass().add("heading");
    problemTitle.setLabelFor(problems);
    Button closeProblems = new Button();
    closeProblems.setId("closeProblems");
    closeProblems.textProperty().bind(i18n.text("draft.finalize.problems.close"));
    closeProblems.setOnAction(e -> clearProblems());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox head = new HBox(12, problemTitle, gap, closeProblems);
    head.setAlignment(Pos.CENTER_LEFT);
    problemPane.getChildren().setAll(head, problems);
    problemPane.setPadding(new Insets(8, 12, 8, 12));
    problemPane.getStyleClass().add("problem-pane");
  }

  /**
   * Once a complete PINFL is typed, fills the patient's empty fields from what the clinic already
   * knows about that patient (earlier documents, or a copy found on the server).
   */
  private static void installPrefill(
      FormEditorViewModel vm,
      FormSession session,
      TaskRunner tasks,
      I18n i18n,
      java.util.function.Function<String, java.util.Optional<String>> patients,
      java.util.function.Consumer<String> notify,
      java.util.function.BooleanSupplier closed) {
    PatientPrefill prefill = PatientPrefill.of(session.definition());
    uz.dhp.forms.form.answer.ItemPath pinflPath = prefill.pinflPath();
    if (pinflPath == null) {
      return;
    }
    vm.addChangeListener(
        changes -> {
          if (!changes.values().contains(pinflPath)) {
            return;
          }
          String pinfl = pinflOf(session, pinflPath);
          if (!pinfl.matches("\\d{14}")) {
            return;
          }
          tasks.run(
              () -> patients.apply(pinfl).map(PatientFields::parse),
              found ->
                  found.ifPresent(
                      patient -> {
                        if (closed.getAsBoolean() || !pinfl.equals(pinflOf(session, pinflPath))) {
                          return; // left, or the PINFL changed meanwhile
                        }
                        List<PatientPrefill.Fill> fills =
                            prefill.fills(
                                patient,
                                p ->
                                    session
                                        .state(p)
                                        .map(st -> st.answers().isEmpty())
                                        .orElse(false));
                        fills.forEach(f -> vm.setAnswer(f.path(), f.value()));
                        if (!fills.isEmpty()) {
                          notify.accept(i18n.get("draft.prefilled", fills.size()));
                        }
                      }),
              e -> {});
        });
  }

  private static String pinflOf(FormSession session, uz.dhp.forms.form.answer.ItemPath path) {
    return session
        .state(path)
        .flatMap(st -> st.answers().stream().findFirst())
        .filter(a -> a instanceof uz.dhp.forms.form.definition.AnswerValue.StringValue)
        .map(a -> ((uz.dhp.forms.form.definition.AnswerValue.StringValue) a).value().strip())
        .orElse("");
  }

  DraftDetail draft() {
    return draft;
  }

  /** Shows that finalizing runs ({@code text}) or, with null, that it has ended. */
  void setWorking(@org.checkerframework.checker.nullness.qual.Nullable String text) {
    working.setVisible(text != null);
    workingText.setText(text == null ? "" : text);
    finalizeButton.disableProperty().unbind();
    if (text != null) {
      finalizeButton.setDisable(true);
    } else {
      finalizeButton.disableProperty().bind(editor.finalizableProperty().not());
    }
  }

  /** Lists what the document checks found, under the form; the first entry is selected. */
  void showProblems(String title, List<Problem> found) {
    problemTitle.setText(title);
    problems.getItems().setAll(found);
    problems.getSelectionModel().selectFirst();
    root.setBottom(problemPane);
    problems.requestFocus();
  }

  void clearProblems() {
    problems.getItems().clear();
    root.setBottom(null);
  }

  private void jumpToSelected() {
    Problem p = problems.getSelectionModel().getSelectedItem();
    if (p != null) {
      p.field().ifPresent(editor::focusField);
    }
  }

  Region root() {
    return root;
  }

  FormEditor editor() {
    return editor;
  }

  /** Saves what is typed; completes on the FX thread. */
  CompletableFuture<?> flush() {
    return editor.flush();
  }

  /** After {@link #flush()}: stops the editor's timers. */
  void close() {
    closed = true;
    editor.close();
  }
}
