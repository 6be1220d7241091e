package uz.dhp.forms.app;

import java.lang.management.ManagementFactory;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.ui.TaskRunner;

/**
 * Entry point and composition root: opens the store and scans the forms in {@link #init()} (off the
 * FX thread), then shows the main window. Run with {@code mvn javafx:run}; options: {@code
 * --data-dir=DIR}, {@code --forms-dir=DIR}, {@code --smoke-test} (print the time to the first frame
 * and exit: used by the start-up benchmark and to check an installed package).
 */
public final class DhpFormsApp extends Application {

  private static final Logger LOG = LoggerFactory.getLogger(DhpFormsApp.class);
  static final String FIRST_FRAME_MARKER = "DHP_FORMS_FIRST_FRAME_MS=";

  private AppRuntime runtime;
  private TaskRunner tasks;
  private MainWindow window;

  public static void main(String[] args) {
    launch(DhpFormsApp.class, args);
  }

  @Override
  public void init() {
    List<String> args = getParameters().getRaw();
    AppOptions options = AppOptions.parse(args, propertiesAsMap());
    tasks = TaskRunner.background();
    runtime = AppRuntime.start(options, tasks);
  }

  @Override
  public void start(Stage stage) {
    window = new MainWindow(runtime.context());
    Thread.setDefaultUncaughtExceptionHandler(new ErrorReporter(window::showIncident));
    stage.setScene(window.createScene(1180, 760));
    stage.titleProperty().bind(runtime.context().i18n().text("app.title"));
    stage.setMinWidth(800);
    stage.setMinHeight(560);
    stage.show();
    window.showStartupNotice();
    if (getParameters().getRaw().contains("--smoke-test")) {
      reportFirstFrameAndExit();
    }
  }

  @Override
  public void stop() {
    if (tasks != null) {
      tasks.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    LOG.info("Stopped");
  }

  /** Prints the JVM uptime at the first rendered pulse, then exits (benchmark / smoke test). */
  private static void reportFirstFrameAndExit() {
    new AnimationTimer() {
      @Override
      public void handle(long now) {
        stop();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println(FIRST_FRAME_MARKER + uptime);
        System.out.flush();
        Platform.exit();
      }
    }.start();
  }

  private static java.util.Map<String, String> propertiesAsMap() {
    java.util.Map<String, String> map = new java.util.HashMap<>();
    System.getProperties().forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
    return map;
  }
}
