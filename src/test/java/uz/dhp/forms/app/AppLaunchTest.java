package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real entry point in a fresh JVM, as the README's run command and the installed package start
 * it: the first frame (the app's name) comes before the main window, the main window is built and
 * laid out with the keyboard on the form list, the store is created in the data folder, and nothing
 * is reported as failed.
 */
class AppLaunchTest {

  @TempDir Path data;

  @Test
  void theAppShowsItsFirstFrameThenTheMainWindowAndCreatesTheStore() throws Exception {
    Path out = data.resolve("out.txt");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-Dprism.order=sw");
    cmd.add("-Dglass.platform=Monocle");
    cmd.add("-Dmonocle.platform=Headless");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.add("--data-dir=" + data.resolve("data"));
    cmd.add("--forms-dir=" + System.getProperty("dhp.forms.dir", "forms"));
    cmd.add("--no-warm-up");
    cmd.add("--smoke-test");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    boolean exited = p.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      p.destroyForcibly();
    }
    String output = Files.readString(out, StandardCharsets.UTF_8);

    assertThat(exited).as("the smoke test exits by itself; output:%n%s", output).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    long firstFrame = marker(output, DhpFormsApp.FIRST_FRAME_MARKER);
    long home = marker(output, DhpFormsApp.HOME_READY_MARKER);
    assertThat(firstFrame).as(output).isPositive();
    assertThat(home)
        .as("the main window comes after the first frame")
        .isGreaterThanOrEqualTo(firstFrame);
    assertThat(output)
        .as("keyboard users start on the form list")
        .contains(DhpFormsApp.FOCUS_MARKER + "formList");
    assertThat(output).doesNotContain("Exception").doesNotContain(" ERROR ");
    assertThat(data.resolve("data").resolve("dhp-forms.db")).exists();
  }

  private static long marker(String output, String marker) {
    return output
        .lines()
        .filter(l -> l.startsWith(marker))
        .mapToLong(l -> Long.parseLong(l.substring(marker.length()).trim()))
        .findFirst()
        .orElse(-1);
  }
}
