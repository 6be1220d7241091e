package uz.dhp.forms.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.app.DraftIndex.DraftRow;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.ui.I18n;

/**
 * The one main window: a top bar (title, language, text size), the current screen, a status bar,
 * and an in-window notification bar. Nothing here is modal: confirmations and errors appear in the
 * notification bar so typing is never blocked.
 */
final class MainWindow {

  private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
  static final double DEFAULT_FONT_SIZE = 14;
  private static final double MIN_FONT_SIZE = 10;
  private static final double MAX_FONT_SIZE = 28;

  private final AppContext ctx;
  private final I18n i18n;
  private final HomeViewModel homeModel;
  private final HomeView home;
  private final StackPane content = new StackPane();
  private final NotificationPane notifications;
  private final BorderPane frame = new BorderPane();
  private double fontSize;
  private DraftEditorScreen openEditor;
  private final javafx.beans.property.StringProperty storeLocation =
      new javafx.beans.property.SimpleStringProperty();
  private TopBar topBar;
  private SigningQueueScreen signingScreen;
  private MasterDataView masterDataView;
  private final javafx.beans.property.IntegerProperty awaitingCount =
      new javafx.beans.property.SimpleIntegerProperty();
  private final javafx.beans.property.StringProperty documentsText =
      new javafx.beans.property.SimpleStringProperty("");
  private final javafx.beans.property.BooleanProperty documentsBusy =
      new javafx.beans.property.SimpleBooleanProperty();
  private boolean documentsStarted;
  private final FinalizeAction finalizer;
  private final DraftOpener opener;
  private uz.dhp.forms.sync.ui.SyncStatusModel syncModel;
  private uz.dhp.forms.sync.ui.OutboxView outboxView;
  private final StackPane syncSlot = new StackPane();

  MainWindow(AppContext ctx) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.homeModel = new HomeViewModel(ctx.drafts(), ctx.tasks(), this::showFailure);
    this.home = new HomeView(homeModel, i18n, ctx.formsDir(), this::openDraft, this::confirmDelete);
    this.finalizer = new FinalizeAction(ctx, this);
    this.opener = new DraftOpener(ctx, this);
    frame.setTop(buildTopBar());
    frame.setCenter(content);
    frame.setBottom(buildStatusBar());
    notifications = new NotificationPane(frame);
    notifications.setId("notifications");
    notifications.setShowFromTop(true);
    fontSize = ctx.fontSize();
    applyFontSize();
    showHome();
    // After the first frame (so as not to compete with it for the CPU): a quick list first
    // (titles), then the same forms fully checked by the form engine.
    afterFirstFrame(
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
    documentsBusy.set(true);
    documentsText.set(i18n.get("status.documents.preparing"));
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
              services
                  .validator()
                  .whenComplete(
                      (v, e) ->
                          Platform.runLater(
                              () -> {
                                documentsBusy.set(false);
                                documentsText.set(
                                    e == null ? "" : i18n.get("status.documents.unavailable"));
                              }));
            },
            e -> {
              documentsBusy.set(false);
              documentsText.set(i18n.get("status.documents.unavailable"));
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

  /** Runs {@code action} on the FX thread once the window has rendered its first frames. */
  private static void afterFirstFrame(Runnable action) {
    new javafx.animation.AnimationTimer() {
      private int pulses;

      @Override
      public void handle(long now) {
        if (++pulses >= 2) {
          stop();
          action.run();
        }
      }
    }.start();
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
    if (masterDataView != null
        && content.getChildren().contains(masterDataView.root())
        && masterDataView.hasUnsavedChanges()) {
      MasterDataView leaving = masterDataView;
      notifications
          .getActions()
          .setAll(
              new Action(
                  i18n.get("nav.leaveUnsaved"),
                  e -> {
                    notifications.hide();
                    if (masterDataView == leaving) {
                      masterDataView = null;
                    }
                    showHome();
                  }));
      notifications.show(i18n.get("nav.unsaved"));
      return;
    }
    closeScreens();
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

  /** Ends what the side screens hold open (a signing ceremony, the outbox's listeners). */
  private void closeScreens() {
    if (signingScreen != null) {
      signingScreen.close();
    }
    if (outboxView != null) {
      outboxView.close();
      outboxView = null;
    }
  }

  /** The outbox: every document on its way to the server, with its state and reason. */
  void showOutbox() {
    if (openEditor != null) {
      showHome();
    }
    closeScreens();
    startDocumentServices();
    ctx.tasks()
        .run(
            () -> ctx.documentServices().start().join(),
            services -> {
              uz.dhp.forms.sync.ui.OutboxViewModel model =
                  new uz.dhp.forms.sync.ui.OutboxViewModel(
                      services.outbox(),
                      services.reasons(),
                      i18n,
                      ctx.tasks(),
                      Platform::runLater,
                      java.time.Clock.systemUTC(),
                      java.time.ZoneId.systemDefault(),
                      // "Retract…" (decision 0013); the awaiting-signature count follows.
                      new OutboxRetractAction(
                          services.workflow(), Platform::runLater, this::refreshAwaiting));
              model.start();
              closeScreens();
              outboxView = new uz.dhp.forms.sync.ui.OutboxView(model, i18n);
              content.getChildren().setAll(outboxView.root());
              outboxView.table().requestFocus();
            },
            this::showFailure);
  }

  /** The open outbox screen, or null. */
  uz.dhp.forms.sync.ui.OutboxView outboxView() {
    return outboxView;
  }

  /** Where documents are sent (sandbox or DHP), login and submission strategy. */
  void showServerSettings() {
    if (openEditor != null) {
      showHome();
    }
    closeScreens();
    ctx.tasks()
        .run(
            () -> ctx.formServices().start().join().fhir(),
            fhir -> {
              uz.dhp.forms.sync.ui.ServerSettingsViewModel model =
                  new uz.dhp.forms.sync.ui.ServerSettingsViewModel(
                      AppRuntime.syncSettings(ctx.settings()),
                      AppRuntime.secrets(),
                      new uz.dhp.forms.sync.ConnectionTester(fhir),
                      ctx.tasks(),
                      java.time.Clock.systemUTC());
              uz.dhp.forms.sync.ui.ServerSettingsView view =
                  new uz.dhp.forms.sync.ui.ServerSettingsView(model, i18n, this::serverSaved);
              view.load();
              content.getChildren().setAll(view.root());
            },
            this::showFailure);
  }

  /** Applies saved server settings at once (started services) or at their start (not yet). */
  private void serverSaved(uz.dhp.forms.sync.SyncSettings saved) {
    java.util.Optional<DocumentServices> services = ctx.documentServices().ifReady();
    if (services.isEmpty()) {
      notify(i18n.get("nav.serverSaved"));
      return;
    }
    ctx.tasks()
        .run(
            () -> {
              services.get().switchServer(saved);
              return saved;
            },
            s -> notify(i18n.get("nav.serverSaved")),
            this::showFailure);
  }

  /** The "awaiting signature" screen. */
  void showSigning() {
    if (openEditor != null) {
      showHome();
    }
    closeScreens();
    if (signingScreen == null) {
      signingScreen =
          new SigningQueueScreen(
              ctx.documentServices(),
              () -> MasterDataSource.read(ctx.settings()),
              ctx.tasks(),
              i18n,
              this::showHome,
              this::notify);
    }
    startDocumentServices();
    content.getChildren().setAll(signingScreen.root());
    signingScreen.refresh();
    refreshAwaiting();
  }

  /** The clinic settings (master data): the clinic, departments, practitioners, partners. */
  void showClinicSettings() {
    if (openEditor != null) {
      showHome();
    }
    closeScreens();
    MasterDataView view = MasterDataView.create(ctx, java.time.Clock.systemUTC());
    masterDataView = view;
    content.getChildren().setAll(view.root());
    view.focusFirstField();
  }

  MasterDataView masterDataView() {
    return masterDataView;
  }

  SigningQueueScreen signingScreen() {
    return signingScreen;
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
    notifications
        .getActions()
        .setAll(
            new Action(
                actionText,
                e -> {
                  notifications.hide();
                  action.run();
                }));
    notifications.show(text);
  }

  /** Imports code lists / FHIR packages the user picks (files from DHP or the Ministry). */
  private void importCodeLists() {
    javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
    chooser.setTitle(i18n.get("import.title"));
    chooser
        .getExtensionFilters()
        .add(
            new javafx.stage.FileChooser.ExtensionFilter(
                i18n.get("import.filter"), "*.json", "*.tgz"));
    List<java.io.File> files = chooser.showOpenMultipleDialog(frame.getScene().getWindow());
    if (files == null || files.isEmpty()) {
      return;
    }
    importFiles(files.stream().map(java.io.File::toPath).toList());
  }

  /** Imports these files in the background and says what happened. */
  void importFiles(List<Path> files) {
    documentsBusy.set(true);
    String before = documentsText.get();
    documentsText.set(i18n.get("import.running"));
    ctx.tasks()
        .run(
            () -> ctx.formServices().start().join().importCodeLists(files),
            outcomes -> {
              documentsBusy.set(false);
              documentsText.set(before);
              notify(CodeListImportSummary.text(i18n, outcomes));
              // Forms that waited for these lists become available; new packages check documents.
              scanForms(() -> {});
              if (CodeListImportSummary.packages(outcomes) > 0) {
                ctx.documentServices().ifReady().ifPresent(this::reloadDocumentChecks);
              }
            },
            e -> {
              documentsBusy.set(false);
              documentsText.set(before);
              showFailure(e);
            });
  }

  /** Builds the document checker again with newly imported packages; the status bar follows. */
  private void reloadDocumentChecks(DocumentServices services) {
    documentsBusy.set(true);
    documentsText.set(i18n.get("status.documents.preparing"));
    services
        .reloadValidator()
        .whenComplete(
            (v, e) ->
                Platform.runLater(
                    () -> {
                      documentsBusy.set(false);
                      documentsText.set(e == null ? "" : i18n.get("status.documents.unavailable"));
                    }));
  }

  private void confirmDelete(DraftRow row) {
    if (row == null) {
      return;
    }
    String who =
        row.patientName() == null || row.patientName().isBlank() ? row.formId() : row.patientName();
    notifications
        .getActions()
        .setAll(
            new Action(
                i18n.get("home.drafts.delete.confirm"),
                e -> {
                  notifications.hide();
                  homeModel.delete(row, () -> offerUndo(row));
                }),
            new Action(i18n.get("common.cancel"), e -> notifications.hide()));
    notifications.show(i18n.get("home.drafts.delete.question", who));
  }

  private void offerUndo(DraftRow row) {
    notifications
        .getActions()
        .setAll(
            new Action(
                i18n.get("common.undo"),
                e -> {
                  notifications.hide();
                  homeModel.restore(row);
                }));
    notifications.show(i18n.get("home.drafts.deleted"));
  }

  /** Shows a plain message in the notification bar (FX thread). */
  void notify(String text) {
    notifications.getActions().clear();
    notifications.show(text);
  }

  /**
   * Shown for a failed background task: a plain message and an incident code; details in the log.
   */
  void showFailure(Throwable thrown) {
    // Work that waited on another future (services starting) fails with the cause wrapped.
    Throwable error =
        thrown instanceof java.util.concurrent.CompletionException && thrown.getCause() != null
            ? thrown.getCause()
            : thrown;
    if (error instanceof UserFacingFailure f) {
      LOG.warn("Operation failed: {}", f.getMessage());
      notify(i18n.get(f.key(), f.args()));
      return;
    }
    String incident = Integer.toHexString(System.identityHashCode(error));
    LOG.error(
        "Background task failed (incident {})", incident, ErrorReporter.withoutMessages(error));
    notify(i18n.get("error.unexpected", incident));
  }

  /** Shown for an uncaught exception, from any thread. */
  void showIncident(String incident) {
    if (Platform.isFxApplicationThread()) {
      notify(i18n.get("error.unexpected", incident));
    } else {
      Platform.runLater(() -> notify(i18n.get("error.unexpected", incident)));
    }
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
                this::importCodeLists),
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

  private HBox buildStatusBar() {
    Label store = new Label();
    store.setId("storeStatus");
    storeLocation.set(ctx.storeLocation());
    store.textProperty().bind(i18n.text("status.store", storeLocation));
    Label sync = new Label();
    sync.setId("syncStatus");
    sync.textProperty().bind(i18n.text("status.sync.notStarted"));
    syncSlot.getChildren().setAll(sync);
    ProgressIndicator documentsWorking = new ProgressIndicator();
    documentsWorking.setId("documentsBusy");
    documentsWorking.setPrefSize(16, 16);
    documentsWorking.visibleProperty().bind(documentsBusy);
    documentsWorking.managedProperty().bind(documentsBusy);
    Label documents = new Label();
    documents.setId("documentsStatus");
    documents.textProperty().bind(documentsText);
    documentsWorking.accessibleTextProperty().bind(documentsText);
    ProgressIndicator busy = new ProgressIndicator();
    busy.setId("busy");
    busy.setPrefSize(16, 16);
    busy.visibleProperty().bind(ctx.tasks().running().greaterThan(0));
    busy.accessibleTextProperty().bind(i18n.text("status.busy"));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(12, store, spacer, documentsWorking, documents, busy, syncSlot);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 8, 4, 8));
    bar.getStyleClass().add("status-bar");
    return bar;
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
