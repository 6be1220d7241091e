package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import uz.dhp.forms.store.StoreLocation;
import uz.dhp.forms.ui.TaskRunner;

/**
 * A drafts file whose bytes were overwritten: the app still starts, says so in plain words, keeps
 * the old file aside unchanged, and works on a fresh store.
 */
@ExtendWith(ApplicationExtension.class)
class CorruptStoreStartTest {

  @TempDir static Path temp;
  private static Path dataDir;
  private static byte[] corruptBytes;
  private AppRuntime runtime;
  private TaskRunner tasks;

  @Start
  void start(Stage stage) throws Exception {
    dataDir = Files.createTempDirectory(temp, "data");
    // A real store with a draft, then its header and first pages overwritten.
    try (TaskRunner setup = TaskRunner.background()) {
      AppRuntime first =
          AppRuntime.start(AppOptions.parse(List.of("--data-dir=" + dataDir), Map.of()), setup);
      first.context().drafts().create("alpha", "1.0.0", "https://forms.dhp.uz/test/alpha|1.0.0");
      first.close();
    }
    Path db = StoreLocation.databaseFile(dataDir);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      byte[] junk = new byte[4096];
      new java.util.Random(7).nextBytes(junk);
      f.seek(0);
      f.write(junk);
    }
    corruptBytes = Files.readAllBytes(db);

    tasks = TaskRunner.background();
    runtime =
        AppRuntime.start(
            AppOptions.parse(List.of("--data-dir=" + dataDir, "--forms-dir=" + temp), Map.of()),
            tasks);
    MainWindow window = new MainWindow(runtime.context());
    stage.setScene(window.createScene(1000, 700));
    stage.show();
    window.showStartupNotice();
  }

  @AfterEach
  void close() {
    tasks.close();
    runtime.close();
  }

  @Test
  void startsOnAFreshStoreTellsTheUserAndKeepsTheOldFileAside(FxRobot robot) throws Exception {
    NotificationPane bar = robot.lookup("#notifications").query();
    MainWindowTest.waitUntil(bar::isShowing);
    assertThat(runtime.context().startupNotice().key()).startsWith("store.recovered.");
    assertThat(bar.getText()).doesNotContain("Exception").doesNotContain("!");
    assertThat(bar.getText().toLowerCase()).doesNotContain("sqlite");

    List<Path> aside;
    try (Stream<Path> files = Files.list(dataDir)) {
      aside =
          files
              .filter(p -> !p.equals(StoreLocation.databaseFile(dataDir)))
              .filter(Files::isRegularFile)
              .toList();
    }
    assertThat(aside).isNotEmpty();
    Path kept =
        aside.stream()
            .filter(p -> sameBytes(p, corruptBytes))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no kept file with the original bytes: " + aside));
    assertThat(bar.getText())
        .isEqualTo(
            runtime.context().i18n().get(runtime.context().startupNotice().key(), kept.toString()));

    // The fresh store works: the old draft is not there, a new one can be made.
    assertThat(runtime.context().drafts().list("", DraftIndex.DraftSort.UPDATED_NEWEST, true))
        .isEmpty();
    runtime.context().drafts().create("beta", "1.0.0", "https://forms.dhp.uz/test/beta|1.0.0");
    assertThat(runtime.context().drafts().list("", DraftIndex.DraftSort.UPDATED_NEWEST, false))
        .hasSize(1);
  }

  private static boolean sameBytes(Path p, byte[] expected) {
    try {
      return java.util.Arrays.equals(Files.readAllBytes(p), expected);
    } catch (IOException e) {
      return false;
    }
  }
}
