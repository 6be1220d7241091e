package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import uz.dhp.forms.ui.TaskRunner;

/**
 * The home screen lists every form shipped in the repository's forms/ folder, all usable once the
 * form engine has checked them, on a fresh install with no code lists imported.
 */
@ExtendWith(ApplicationExtension.class)
class RepositoryFormsTest {

  @TempDir static Path temp;
  private static final Path FORMS = Path.of(System.getProperty("dhp.forms.dir", "forms"));
  private AppRuntime runtime;
  private TaskRunner tasks;

  @Start
  void start(Stage stage) throws IOException {
    tasks = TaskRunner.background();
    runtime =
        AppRuntime.start(
            AppOptions.parse(
                List.of(
                    "--data-dir=" + Files.createTempDirectory(temp, "d"),
                    "--forms-dir=" + FORMS,
                    "--no-warm-up"),
                Map.of()),
            tasks);
    stage.setScene(new MainWindow(runtime.context()).createScene(1100, 700));
    stage.show();
  }

  @AfterEach
  void close() {
    tasks.close();
    runtime.close();
  }

  @Test
  void listsTheShippedForms(FxRobot robot) throws Exception {
    List<String> shipped;
    try (Stream<Path> dirs = Files.list(FORMS)) {
      shipped =
          dirs.filter(d -> Files.isRegularFile(d.resolve(FormDirectory.FILE_NAME)))
              .map(d -> d.getFileName().toString())
              .sorted()
              .toList();
    }
    assertThat(shipped).contains("form-003", "form-096");
    ListView<FormListing> list = robot.lookup("#formList").queryListView();
    MainWindowTest.waitForCheckedForms(list);
    assertThat(list.getItems()).extracting(FormListing::formId).containsExactlyElementsOf(shipped);
    assertThat(list.getItems()).allMatch(f -> f instanceof FormListing.Available);
  }
}
