package uz.dhp.forms.app;

import java.time.Clock;
import java.time.ZoneId;
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

  DraftEditorScreen(
      DraftDetail draft,
      FormSession session,
      DraftIndex drafts,
      TerminologySource terminology,
      TaskRunner tasks,
      I18n i18n,
      Runnable back,
      Runnable onFinalize) {
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
            vm, i18n, terminology, tasks::run, ZoneId.systemDefault(), FilePicker.system());

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
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(12, backButton, title, spacer, finalizeButton);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    root.setTop(bar);
    root.setCenter(editor.root());
    root.setId("draftEditor");
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
    editor.close();
  }
}
