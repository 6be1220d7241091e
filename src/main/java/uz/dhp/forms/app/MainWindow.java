package uz.dhp.forms.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.NotificationPane;
import uz.dhp.forms.app.DraftIndex.DraftRow;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.ui.I18n;

/**
 * The one main window: a top bar (title, language, text size), the current screen, a status bar,
 * and an in-window notification bar. Nothing here is modal: confirmations and errors appear in the
 * notification bar so typing is never blocked.
 */
final class MainWindow {

  static final double DEFAULT_FONT_SIZE = 14;
  private static final double MIN_FONT_SIZE = 10;
  private static final double MAX_FONT_SIZE = 28;

  private final AppContext ctx;
  private final I18n i18n;
  private final HomeViewModel homeModel;
  private final HomeView home;
  private final StackPane content = new StackPane();
  private final NotificationPane notifications;
  private final Notices notices;
  private final BorderPane frame = new BorderPane();
  private double fontSize;
  private DraftEditorScreen openEditor;
  private final javafx.beans.property.StringProperty storeLocation =
      new javafx.beans.property.SimpleStringProperty();
  private TopBar topBar;
  private final javafx.beans.property.IntegerProperty awaitingCount =
      new javafx.beans.property.SimpleIntegerProperty();
  private final BackgroundStatus background;
  private final CodeListImportAction codeLists;
  private boolean documentsStarted;
  private final FinalizeAction finalizer;
  private final DraftOpener opener;
  private uz.dhp.forms.sync.ui.SyncStatusModel syncModel;
  private final SideScreens screens;
  private final StackPane syncSlot = new StackPane();

  MainWindow(AppContext ctx) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.homeModel = new HomeViewModel(ctx.drafts(), ctx.tasks(), this::showFailure);
    this.home = new HomeView(homeModel, i18n, ctx.formsDir(), this::openDraft, this::confirmDelete);
    this.finalizer = new FinalizeAction(ctx, this);
    this.opener = new DraftOpener(ctx, this);
    this.screens = new SideScreens(ctx, this, screen -> content.getChildren().setAll(screen));
    this.background = new BackgroundStatus(i18n);
    this.codeLists = new CodeListImportAction(ctx, this, background, () -> scanForms(() -> {}));
    frame.setTop(buildTopBar());
    frame.setCenter(content);
    storeLocation.set(ctx.storeLocation());
    frame.setBottom(StatusBar.create(i18n, storeLocation, background, ctx.tasks(), syncSlot));
    notifications = new NotificationPane(frame);
    notifications.setId("notifications");
    notifications.setShowFromTop(true);
    notices = new Notices(notifications, i18n);
    fontSize = ctx.fontSize();
    applyFontSize();
    showHome();
    // After the first frame (so as not to compete with it for the CPU): a quick list first
    // (titles), then the same forms fully checked by the form engine.
    Pulses.after(
        2,
        () -> {
          ctx.tasks()
              .run(
                  ctx.forms()::get,
                  quick -> {
                    if (!homeModel.formsChecked()) {
                      homeModel.setForms(quick);
                    }
                  },
                  this::showFailure);
          scanForms(
              () -> {
                if (ctx.warmUp()) {
                  startDocumentServices();
                }
              });
        });
  }

  /** Lists the forms as the form engine checks them (at start, and after code lists came in). */
  private void scanForms(Runnable then) {
    ctx.tasks()
        .run(
            () -> ctx.formServices().start().join().scan(Path.of(ctx.formsDir())),
            checked -> {
              homeModel.setForms(checked);
              homeModel.markFormsChecked();
              then.run();
            },
            this::showFailure);
  }

  /**
   * Builds the document services in the background (once): the document checker warms up, the
   * outbox starts sending, and the status bar follows both.
   */
  void startDocumentServices() {
    if (documentsStarted) {
      return;
    }
    documentsStarted = true;
    background.preparingChecker();
    ctx.tasks()
        .run(
            () -> ctx.documentServices().start().join(),
            services -> {
              syncModel =
                  new uz.dhp.forms.sync.ui.SyncStatusModel(
                      services.outbox(), i18n, ctx.tasks(), Platform::runLater);
              syncModel.start();
              syncSlot
                  .getChildren()
                  .setAll(
                      uz.dhp.forms.sync.ui.SyncStatusLabel.create(
                          syncModel, i18n, this::showOutbox));
              refreshAwaiting();
              background.followChecker(services.validator());
            },
            e -> {
              background.checkerDone(false);
              showFailure(e);
            });
  }

  /** Updates the "awaiting signature" count in the top bar. */
  void refreshAwaiting() {
    ctx.documentServices()
        .ifReady()
        .ifPresent(
            s -> ctx.tasks().run(() -> s.workflow().awaitingCount(), awaitingCount::set, e -> {}));
  }

  Parent root() {
    return notifications;
  }

  /** Creates the scene with the window-wide shortcuts and style sheet. */
  Scene createScene(double width, double height) {
    Scene scene = new Scene(root(), width, height);
    install(scene);
    return scene;
  }

  /** Makes this window the content of {@code scene}, with its shortcuts and style sheet. */
  void install(Scene scene) {
    scene.setRoot(root());
    // Keyboard users start on the form list (arrows choose, Enter starts a draft) rather than on
    // the first button of the top bar. The notification pane's skin puts the home screen into
    // the scene: apply CSS now (the first pulse would do it anyway) so that it can take focus.
    scene
        .getStylesheets()
        .add(MainWindow.class.getResource("/uz/dhp/forms/app/app.css").toExternalForm());
    root().applyCss();
    home.focusForms();
    var acc = scene.getAccelerators();
    acc.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::find);
    acc.put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), () -> zoom(+1));
    acc.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), () -> zoom(+1));
    acc.put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), () -> zoom(+1));
    acc.put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> zoom(-1));
    acc.put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), () -> zoom(-1));
    acc.put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), () -> zoom(0));
    acc.put(new KeyCodeCombination(KeyCode.ESCAPE), this::escape);
  }

  void showHome() {
    MasterDataView clinic = screens.masterDataView();
    if (clinic != null
        && content.getChildren().contains(clinic.root())
        && clinic.hasUnsavedChanges()) {
      notices.ask(
          i18n.get("nav.unsaved"),
          notices.button(
              i18n.get("nav.leaveUnsaved"),
              () -> {
                screens.forgetClinicSettings(clinic);
                showHome();
              }));
      return;
    }
    screens.close();
    DraftEditorScreen leaving = openEditor;
    openEditor = null;
    if (leaving != null) {
      // Save what was typed before the editor goes away.
      leaving
          .flush()
          .whenComplete(
              (r, e) ->
                  Platform.runLater(
                      () -> {
                        leaving.close();
                        homeModel.refresh();
                      }));
    }
    content.getChildren().setAll(home.root());
    homeModel.refresh();
    refreshAwaiting();
  }

  /** The outbox: every document on its way to the server, with its state and reason. */
  void showOutbox() {
    leaveEditor();
    screens.showOutbox();
  }

  /** The open outbox screen, or null. */
  uz.dhp.forms.sync.ui.OutboxView outboxView() {
    return screens.outboxView();
  }

  /** Where documents are sent (sandbox or DHP), login and submission strategy. */
  void showServerSettings() {
    leaveEditor();
    screens.showServerSettings();
  }

  /** The "awaiting signature" screen. */
  void showSigning() {
    leaveEditor();
    screens.showSigning();
  }

  /** The clinic settings (master data): the clinic, departments, practitioners, partners. */
  void showClinicSettings() {
    leaveEditor();
    screens.showClinicSettings();
  }

  MasterDataView masterDataView() {
    return screens.masterDataView();
  }

  SigningQueueScreen signingScreen() {
    return screens.signingScreen();
  }

  /** A side screen replaces the editor: the draft is saved and closed first. */
  private void leaveEditor() {
    if (openEditor != null) {
      showHome();
    }
  }

  /** The open draft's editor screen, or null on the home screen. */
  DraftEditorScreen openEditor() {
    return openEditor;
  }

  /** Saves the open draft, if any (on window close); completes on the FX thread. */
  CompletableFuture<?> flushOpenEditor() {
    return openEditor == null ? CompletableFuture.completedFuture(null) : openEditor.flush();
  }

  /** Opens a draft in the editor (or read-only when its form is unavailable). */
  void openDraft(String draftId) {
    opener.open(draftId);
  }

  /** Shows the editor of an opened draft. */
  void showEditor(DraftEditorScreen screen) {
    openEditor = screen;
    if (ctx.warmUp()) {
      startDocumentServices();
    }
    content.getChildren().setAll(screen.root());
    screen.editor().focusFirstField();
  }

  /** Shows a screen that is not one of the window's own (e.g. a read-only draft). */
  void showScreen(javafx.scene.layout.Region screen) {
    content.getChildren().setAll(screen);
  }

  /** Finalize the open draft (see {@link FinalizeAction}). */
  void finalizeOpenDraft() {
    if (openEditor != null) {
      finalizer.run(openEditor);
    }
  }

  /** Shows {@code text} with one action button in the notification bar. */
  void notifyWithAction(String text, String actionText, Runnable action) {
    notices.ask(text, notices.button(actionText, action));
  }

  /** Imports these code list files in the background and says what happened. */
  void importFiles(List<Path> files) {
    codeLists.run(files);
  }

  private void confirmDelete(DraftRow row) {
    if (row == null) {
      return;
    }
    String who =
        row.patientName() == null || row.patientName().isBlank() ? row.formId() : row.patientName();
    notices.ask(
        i18n.get("home.drafts.delete.question", who),
        notices.button(
            i18n.get("home.drafts.delete.confirm"),
            () ->
                homeModel.delete(
                    row,
                    () ->
                        notices.ask(
                            i18n.get("home.drafts.deleted"),
                            notices.button(
                                i18n.get("common.undo"), () -> homeModel.restore(row))))),
        notices.button(i18n.get("common.cancel"), () -> {}));
  }

  /** Shows a plain message in the notification bar (FX thread). */
  void notify(String text) {
    notices.show(text);
  }

  /** Shown for a failed background task: a plain message and an incident code. */
  void showFailure(Throwable thrown) {
    notices.failure(thrown);
  }

  /** Shown for an uncaught exception, from any thread. */
  void showIncident(String incident) {
    notices.incident(incident);
  }

  private void find() {
    if (content.getChildren().contains(home.root())) {
      home.focusSearch();
    }
  }

  private void escape() {
    if (notifications.isShowing()) {
      notifications.hide();
    } else if (!content.getChildren().contains(home.root())) {
      showHome();
    }
  }

  private void zoom(int direction) {
    fontSize =
        direction == 0
            ? DEFAULT_FONT_SIZE
            : Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, fontSize + 2 * direction));
    applyFontSize();
    double saved = fontSize;
    ctx.tasks()
        .run(
            () -> {
              ctx.settings().put(AppSettings.FONT_SIZE, Double.toString(saved));
              return saved;
            },
            s -> {},
            this::showFailure);
  }

  double fontSize() {
    return fontSize;
  }

  private void applyFontSize() {
    // Modena sizes everything in em, so one root font size scales the whole window.
    frame.setStyle("-fx-font-size: " + fontSize + "px;");
  }

  private javafx.scene.layout.VBox buildTopBar() {
    topBar =
        new TopBar(
            i18n,
            awaitingCount,
            new TopBar.Actions(
                this::showHome,
                this::showSigning,
                this::showOutbox,
                this::showClinicSettings,
                this::showServerSettings,
                () -> codeLists.choose(frame.getScene().getWindow())),
            this::languageChosen);
    return topBar.root();
  }

  /** The user picked a language: switch at once, remember it in the background. */
  private void languageChosen(UiLanguage now) {
    // Skip when the store's remembered language is being applied (storeReady).
    if (now != null && now != i18n.language()) {
      i18n.setLanguage(now);
      ctx.tasks()
          .run(
              () -> {
                ctx.settings().put(AppSettings.LANGUAGE, now.tag());
                return now;
              },
              l -> {},
              this::showFailure);
    }
  }

  /**
   * The store has opened (the window was shown before): take over its remembered language and text
   * size, show where it lives, load the drafts, and say what happened if it had to be recovered.
   */
  void storeReady(AppContext store) {
    i18n.setLanguage(store.i18n().language());
    topBar.languageBox().setValue(store.i18n().language());
    fontSize = store.fontSize();
    applyFontSize();
    storeLocation.set(store.storeLocation());
    homeModel.refresh();
    showNotice(store.startupNotice());
  }

  /** Shows the start-up notice, if any, once the window is visible. */
  void showStartupNotice() {
    showNotice(ctx.startupNotice());
  }

  private void showNotice(AppContext.StartupNotice notice) {
    Optional.ofNullable(notice).ifPresent(n -> notify(i18n.get(n.key(), n.args().toArray())));
  }
}
