package uz.dhp.forms.app;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.TaskRunner;

/**
 * Entry point and composition root: shows the window at once, then builds the main window and, in
 * parallel off the FX thread, opens logging and the store (decision 0015). Run with {@code mvn
 * javafx:run}; options: {@code --data-dir=DIR}, {@code --forms-dir=DIR}, {@code --smoke-test}
 * (print the first frame, the main window and the focused control, then exit: used by the start-up
 * benchmark, {@code AppLaunchTest} and to check an installed package).
 */
public final class DhpFormsApp extends Application {

  static final String FIRST_FRAME_MARKER = "DHP_FORMS_FIRST_FRAME_MS=";

  /** Printed by {@code --smoke-test} at the first pulse that shows the main window. */
  static final String HOME_READY_MARKER = "DHP_FORMS_HOME_READY_MS=";

  /** Printed by {@code --smoke-test} with the id of the control that has the keyboard focus. */
  static final String FOCUS_MARKER = "DHP_FORMS_FOCUS=";

  private AppRuntime runtime;
  private TaskRunner tasks;
  private MainWindow window;

  public static void main(String[] args) {
    launch(DhpFormsApp.class, args);
  }

  /**
   * Opens logging and the store on their own thread. Started at the first frame, not in {@code
   * main}: on a two-core clinic PC, opening them while the toolkit starts delays the first frame by
   * a third and the main window not at all (BENCHMARKS.md, start-up).
   */
  private static CompletableFuture<Started> boot(List<String> args, long shown, long firstFrame) {
    return CompletableFuture.supplyAsync(
        () -> {
          log().info("Window shown in {} ms, first frame at JVM uptime {} ms", shown, firstFrame);
          return openStore(args);
        },
        DhpFormsApp::startDaemon);
  }

  /** What {@link #openStore} produces. */
  private record Started(TaskRunner tasks, AppRuntime runtime) {}

  private static void startDaemon(Runnable r) {
    Thread t = new Thread(r, "dhp-boot");
    t.setDaemon(true);
    t.start();
  }

  private static Started openStore(List<String> args) {
    long t0 = System.nanoTime();
    TaskRunner tasks = TaskRunner.background();
    AppRuntime runtime = AppRuntime.start(AppOptions.parse(args, propertiesAsMap()), tasks);
    log()
        .info(
            "Store ready in {} ms (JVM uptime {} ms)",
            (System.nanoTime() - t0) / 1_000_000,
            ManagementFactory.getRuntimeMXBean().getUptime());
    return new Started(tasks, runtime);
  }

  private static Logger log() {
    return LoggerFactory.getLogger(DhpFormsApp.class);
  }

  private final CompletableFuture<Started> booting = new CompletableFuture<>();

  /**
   * Shows the window at once with the app's name (a frame without controls costs no more than an
   * empty window), then builds the main window on the next pulses; the store (and with it the
   * remembered language and text size, the drafts and any start-up notice) arrives when it has
   * opened.
   */
  @Override
  public void start(Stage stage) {
    long t0 = System.nanoTime();
    AppOptions options = AppOptions.parse(getParameters().getRaw(), propertiesAsMap());
    boolean smokeTest = getParameters().getRaw().contains("--smoke-test");
    tasks = TaskRunner.background();
    I18n i18n = new I18n(UiLanguage.UZ_LATN);
    Thread.setDefaultUncaughtExceptionHandler(
        new ErrorReporter(
            incident -> {
              if (window != null) {
                window.showIncident(incident);
              }
            }));
    Scene scene = new Scene(Splash.create(i18n), 1180, 760);
    stage.setScene(scene);
    stage.titleProperty().bind(i18n.text("app.title"));
    stage.setOnCloseRequest(
        e -> {
          // Save the open draft before the window goes; then close for real.
          e.consume();
          if (window == null) {
            Platform.exit();
            return;
          }
          window.flushOpenEditor().whenComplete((r, err) -> Platform.runLater(Platform::exit));
        });
    stage.setMinWidth(800);
    stage.setMinHeight(560);
    stage.show();
    long shown = (System.nanoTime() - t0) / 1_000_000;
    Pulses.after(
        1,
        () -> {
          if (smokeTest) {
            report(FIRST_FRAME_MARKER);
          }
          long firstFrame = ManagementFactory.getRuntimeMXBean().getUptime();
          // Logged from the boot thread: on the FX thread, the first logger lookup would wait for
          // logging to start.
          boot(getParameters().getRaw(), shown, firstFrame)
              .whenComplete(
                  (started, error) -> {
                    if (error != null) {
                      booting.completeExceptionally(error);
                    } else {
                      booting.complete(started);
                    }
                  });
          showMainWindow(scene, options, i18n);
          if (smokeTest) {
            Pulses.after(
                1,
                () -> {
                  report(HOME_READY_MARKER);
                  // The form list has the focus once the main window is laid out; checked a few
                  // pulses on, after anything that could still take it.
                  Pulses.after(
                      3,
                      () -> {
                        javafx.scene.Node focus = scene.getFocusOwner();
                        System.out.println(FOCUS_MARKER + (focus == null ? "" : focus.getId()));
                        Platform.exit();
                      });
                });
          }
        });
  }

  /** Builds the main window into {@code scene} and hands it the store once that has opened. */
  private void showMainWindow(Scene scene, AppOptions options, I18n i18n) {
    long t0 = System.nanoTime();
    CompletableFuture<AppContext> store = booting.thenApply(s -> s.runtime().context());
    AppContext shell =
        new AppContext(
            i18n,
            tasks,
            new DeferredDraftIndex(store.thenApply(AppContext::drafts)),
            new DeferredSettings(store.thenApply(AppContext::settings)),
            new FormDirectory(options.formsDir())::scan,
            new OnDemand<>("dhp-fhir-wait", () -> store.join().formServices().start().join()),
            new OnDemand<>(
                "dhp-documents-wait", () -> store.join().documentServices().start().join()),
            options.formsDir().toAbsolutePath().toString(),
            "…",
            MainWindow.DEFAULT_FONT_SIZE,
            null,
            options.warmUp(),
            pinfl -> store.join().patients().apply(pinfl));
    window = new MainWindow(shell);
    window.install(scene);
    booting.whenComplete(
        (started, error) ->
            Platform.runLater(
                () -> {
                  if (started != null) {
                    runtime = started.runtime();
                    started.tasks().close();
                    window.storeReady(runtime.context());
                  } else {
                    window.showFailure(error);
                  }
                }));
    long built = (System.nanoTime() - t0) / 1_000_000;
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    // Logged once logging has started (on the boot thread if it is still starting).
    booting.whenComplete(
        (started, error) ->
            log().info("Main window built in {} ms (JVM uptime {} ms)", built, uptime));
  }

  @Override
  public void stop() {
    if (tasks != null) {
      tasks.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    log().info("Stopped");
  }

  /** Prints the JVM uptime with {@code marker} (benchmark / smoke test). */
  private static void report(String marker) {
    System.out.println(marker + ManagementFactory.getRuntimeMXBean().getUptime());
    System.out.flush();
  }

  private static java.util.Map<String, String> propertiesAsMap() {
    java.util.Map<String, String> map = new java.util.HashMap<>();
    System.getProperties().forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
    return map;
  }
}
