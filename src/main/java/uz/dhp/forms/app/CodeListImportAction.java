package uz.dhp.forms.app;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * "Import code lists…": the user picks CodeSystem / ValueSet JSON files or FHIR packages; they are
 * checked and copied in the background and used at once — the form list is checked again, and new
 * packages rebuild the document checker.
 */
final class CodeListImportAction {

  private final AppContext ctx;
  private final MainWindow window;
  private final BackgroundStatus status;
  private final Runnable rescanForms;

  CodeListImportAction(
      AppContext ctx, MainWindow window, BackgroundStatus status, Runnable rescanForms) {
    this.ctx = ctx;
    this.window = window;
    this.status = status;
    this.rescanForms = rescanForms;
  }

  /** Asks for the files (the system's file dialog), then imports them. */
  void choose(Window owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(ctx.i18n().get("import.title"));
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter(ctx.i18n().get("import.filter"), "*.json", "*.tgz"));
    List<java.io.File> files = chooser.showOpenMultipleDialog(owner);
    if (files == null || files.isEmpty()) {
      return;
    }
    run(files.stream().map(java.io.File::toPath).toList());
  }

  /** Imports these files in the background and says what happened. */
  void run(List<Path> files) {
    Runnable done = status.during("import.running");
    ctx.tasks()
        .run(
            () -> ctx.formServices().start().join().importCodeLists(files),
            outcomes -> {
              done.run();
              window.notify(CodeListImportSummary.text(ctx.i18n(), outcomes));
              // Forms that waited for these lists become available; new packages check documents.
              rescanForms.run();
              if (CodeListImportSummary.packages(outcomes) > 0) {
                ctx.documentServices()
                    .ifReady()
                    .ifPresent(s -> status.followChecker(s.reloadValidator()));
              }
            },
            e -> {
              done.run();
              window.showFailure(e);
            });
  }
}
