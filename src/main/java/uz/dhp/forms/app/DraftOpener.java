package uz.dhp.forms.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import uz.dhp.forms.app.DraftIndex.DraftDetail;
import uz.dhp.forms.form.io.FormCatalog;
import uz.dhp.forms.form.rules.OpenOutcome;
import uz.dhp.forms.ui.I18n;

/**
 * Opens a draft: reads it and checks its form off the FX thread, then shows the editor with the
 * clinic's pick-lists — or, when the form is gone or broken, the saved answers read-only, so that
 * nothing typed is lost.
 */
final class DraftOpener {

  private final AppContext ctx;
  private final I18n i18n;
  private final MainWindow window;

  DraftOpener(AppContext ctx, MainWindow window) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.window = window;
  }

  /** What opening a draft found (built off the FX thread). */
  private record Opening(
      DraftDetail draft,
      @org.checkerframework.checker.nullness.qual.Nullable FormServices services,
      @org.checkerframework.checker.nullness.qual.Nullable OpenOutcome outcome,
      String problemKey,
      List<String> problemArgs,
      uz.dhp.forms.form.ui.ReferenceChoices references) {}

  void open(String draftId) {
    ctx.tasks().run(() -> prepare(draftId), this::show, window::showFailure);
  }

  private @org.checkerframework.checker.nullness.qual.Nullable Opening prepare(String draftId) {
    Optional<DraftDetail> found = ctx.drafts().open(draftId);
    if (found.isEmpty()) {
      return null;
    }
    DraftDetail draft = found.get();
    FormServices services = ctx.formServices().start().join();
    FormCatalog.Entry entry = services.form(Path.of(ctx.formsDir()), draft.row().formId());
    if (entry instanceof FormCatalog.Entry.Available a) {
      OpenOutcome outcome =
          services.engine().open(a.definition(), draft.questionnaireResponseJson());
      if (outcome instanceof OpenOutcome.Failed f) {
        return new Opening(draft, services, null, f.reasonKey(), f.args(), none());
      }
      return new Opening(
          draft,
          services,
          outcome,
          "",
          List.of(),
          MasterDataReferenceChoices.fromSettings(ctx.settings()));
    }
    FormCatalog.Entry.Unavailable u = (FormCatalog.Entry.Unavailable) entry;
    return new Opening(draft, services, null, u.reasonKey(), u.args(), none());
  }

  private static uz.dhp.forms.form.ui.ReferenceChoices none() {
    return uz.dhp.forms.form.ui.ReferenceChoices.none();
  }

  private void show(@org.checkerframework.checker.nullness.qual.Nullable Opening opening) {
    if (opening == null) {
      window.notify(i18n.get("draft.notFound"));
      window.showHome();
      return;
    }
    if (opening.outcome() instanceof OpenOutcome.Opened opened) {
      DraftEditorScreen screen =
          new DraftEditorScreen(
              opening.draft(),
              opened.session(),
              ctx.drafts(),
              opening.services().terminology(),
              ctx.tasks(),
              i18n,
              window::showHome,
              window::finalizeOpenDraft,
              ctx.patients(),
              window::notify,
              opening.references());
      window.showEditor(screen);
      StringBuilder told =
          new StringBuilder(
              i18n.get(
                  "draft.restored",
                  uz.dhp.forms.ui.ClinicTime.format(opening.draft().row().updated())));
      for (OpenOutcome.Notice n : opened.notices()) {
        told.append(' ').append(i18n.get(n.key(), n.args().toArray()));
      }
      window.notify(told.toString());
    } else {
      String reason = i18n.get(opening.problemKey(), opening.problemArgs().toArray());
      window.showScreen(new DraftView(opening.draft(), i18n, window::showHome).root());
      window.notify(i18n.get("draft.formUnavailable", reason));
    }
  }
}
