package uz.dhp.forms.app;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.layout.Region;
import uz.dhp.forms.ui.I18n;

/**
 * The screens beside the forms — awaiting signature, outbox, clinic settings, server — and what
 * each holds open while shown (a signing ceremony, the outbox's listeners). Shown in the main
 * window's content area; the window saves and closes an open editor before.
 */
final class SideScreens {

  private final AppContext ctx;
  private final I18n i18n;
  private final MainWindow window;
  private final Consumer<Region> show;
  private SigningQueueScreen signingScreen;
  private MasterDataView masterDataView;
  private uz.dhp.forms.sync.ui.OutboxView outboxView;

  SideScreens(AppContext ctx, MainWindow window, Consumer<Region> show) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.window = window;
    this.show = show;
  }

  /** Ends what the side screens hold open (a signing ceremony, the outbox's listeners). */
  void close() {
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
    close();
    window.startDocumentServices();
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
                          services.workflow(), Platform::runLater, window::refreshAwaiting));
              model.start();
              close();
              outboxView = new uz.dhp.forms.sync.ui.OutboxView(model, i18n);
              show.accept(outboxView.root());
              outboxView.table().requestFocus();
            },
            window::showFailure);
  }

  /** The open outbox screen, or null. */
  uz.dhp.forms.sync.ui.OutboxView outboxView() {
    return outboxView;
  }

  /** Where documents are sent (sandbox or DHP), login and submission strategy. */
  void showServerSettings() {
    close();
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
              show.accept(view.root());
            },
            window::showFailure);
  }

  /** Applies saved server settings at once (started services) or at their start (not yet). */
  private void serverSaved(uz.dhp.forms.sync.SyncSettings saved) {
    java.util.Optional<DocumentServices> services = ctx.documentServices().ifReady();
    if (services.isEmpty()) {
      window.notify(i18n.get("nav.serverSaved"));
      return;
    }
    ctx.tasks()
        .run(
            () -> {
              services.get().switchServer(saved);
              return saved;
            },
            s -> window.notify(i18n.get("nav.serverSaved")),
            window::showFailure);
  }

  /** The "awaiting signature" screen. */
  void showSigning() {
    close();
    if (signingScreen == null) {
      signingScreen =
          new SigningQueueScreen(
              ctx.documentServices(),
              () -> MasterDataSource.read(ctx.settings()),
              ctx.tasks(),
              i18n,
              window::showHome,
              window::notify);
    }
    window.startDocumentServices();
    show.accept(signingScreen.root());
    signingScreen.refresh();
    window.refreshAwaiting();
  }

  /** The clinic settings (master data): the clinic, departments, practitioners, partners. */
  void showClinicSettings() {
    close();
    MasterDataView view = MasterDataView.create(ctx, java.time.Clock.systemUTC());
    masterDataView = view;
    show.accept(view.root());
    view.focusFirstField();
  }

  /** The user left {@code view} without saving (its changes are dropped). */
  void forgetClinicSettings(MasterDataView view) {
    if (masterDataView == view) {
      masterDataView = null;
    }
  }

  MasterDataView masterDataView() {
    return masterDataView;
  }

  SigningQueueScreen signingScreen() {
    return signingScreen;
  }
}
