package uz.dhp.forms.app;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import uz.dhp.forms.app.DraftIndex.DraftDetail;
import uz.dhp.forms.document.finding.Finding;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.answer.ResponseStatus;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.ui.I18n;

/**
 * The editor's Finalize: save, then (in the background) extract, narrate and validate; a valid
 * document is kept awaiting its signature and the user is offered to sign now, otherwise the
 * findings are listed under the form, each leading to its field.
 */
final class FinalizeAction {

  private final AppContext ctx;
  private final I18n i18n;
  private final MainWindow window;

  FinalizeAction(AppContext ctx, MainWindow window) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.window = window;
  }

  void run(DraftEditorScreen screen) {
    screen.clearProblems();
    boolean warm =
        ctx.documentServices().ifReady().map(s -> s.workflow().validatorReady()).orElse(false);
    screen.setWorking(i18n.get(warm ? "draft.finalize.checking" : "draft.finalize.warmingUp"));
    window.startDocumentServices();
    var session = screen.editor().viewModel().session();
    String json = session.toQuestionnaireResponseJson(ResponseStatus.COMPLETED);
    var definition = session.definition();
    DraftDetail draft = screen.draft();
    UiLanguage language = i18n.language();
    screen
        .flush()
        .whenComplete(
            (saved, error) ->
                Platform.runLater(
                    () ->
                        ctx.tasks()
                            .run(
                                () ->
                                    ctx.documentServices()
                                        .start()
                                        .join()
                                        .workflow()
                                        .finalizeDraft(
                                            draft.row().id(),
                                            definition,
                                            draft.row().formId(),
                                            json,
                                            language),
                                result -> finished(screen, result),
                                e -> {
                                  screen.setWorking(null);
                                  window.showFailure(e);
                                })));
  }

  private void finished(DraftEditorScreen screen, DocumentWorkflow.FinalizeResult result) {
    screen.setWorking(null);
    if (result instanceof DocumentWorkflow.FinalizeResult.Awaiting a) {
      if (window.openEditor() == screen) {
        window.showHome();
      }
      window.refreshAwaiting();
      window.notifyWithAction(
          i18n.get("draft.finalize.done", a.version()),
          i18n.get("draft.finalize.signNow"),
          window::showSigning);
    } else if (result instanceof DocumentWorkflow.FinalizeResult.Rejected r) {
      List<DraftEditorScreen.Problem> problems = new ArrayList<>();
      for (Finding f : r.findings()) {
        problems.add(
            new DraftEditorScreen.Problem(
                (f.isError() ? "⛔ " : "⚠ ") + i18n.get(f.messageKey(), f.args().toArray()),
                f.linkId().map(ItemPath::of)));
      }
      long errors = r.findings().stream().filter(Finding::isError).count();
      screen.showProblems(i18n.get("draft.finalize.problems", errors), problems);
    } else {
      DocumentWorkflow.FinalizeResult.Blocked b = (DocumentWorkflow.FinalizeResult.Blocked) result;
      window.notify(i18n.get(b.key(), b.args().toArray()));
    }
  }
}
