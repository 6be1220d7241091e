package uz.dhp.forms.bench;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** Baseline for {@link StartupBench}: an empty window of the same size, started the same way. */
public final class EmptyFxApp extends Application {

  public static void main(String[] args) {
    launch(EmptyFxApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    stage.setScene(new Scene(new StackPane(), 1180, 760));
    stage.show();
    new AnimationTimer() {
      @Override
      public void handle(long now) {
        stop();
        System.out.println(
            "DHP_FORMS_FIRST_FRAME_MS=" + ManagementFactory.getRuntimeMXBean().getUptime());
        System.out.flush();
        Platform.exit();
      }
    }.start();
  }

  /** Class-path launcher (see uz.dhp.forms.app.Main). */
  public static final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
      EmptyFxApp.main(args);
    }
  }
}
