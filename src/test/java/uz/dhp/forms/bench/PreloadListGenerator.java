package uz.dhp.forms.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regenerates {@code src/main/resources/uz/dhp/forms/app/preload-classes.txt}: starts the app once
 * with a class-load log and keeps the JavaFX / ControlsFX classes loaded between the first frame
 * and the laid-out main window (what the FX thread would otherwise read from the jars while the
 * user waits). Run: {@code mvn -B -q -Pbench -Dbench=PreloadListGenerator test-compile exec:exec}
 * after a JavaFX or ControlsFX upgrade or a larger change of the home screen.
 */
public final class PreloadListGenerator {

  private static final Pattern LINE = Pattern.compile("\\[(\\d+\\.\\d+)s\\] (\\S+) source: .*");
  private static final List<String> PACKAGES =
      List.of(
          "javafx.",
          "com.sun.javafx.",
          "com.sun.scenario.",
          "com.sun.prism.",
          "com.sun.pisces.",
          "org.controlsfx.",
          "impl.org.controlsfx.");

  public static void main(String[] args) throws Exception {
    Path log = Files.createTempFile("dhp-class-load", ".log");
    Path data = Files.createTempDirectory("dhp-preload");
    List<String> jvm = new ArrayList<>(ChildJvm.fxProperties());
    jvm.add("-Xlog:class+load:file=" + log + ":uptime");
    // Without the list, so the log shows what the FX thread loads itself.
    jvm.add("-Ddhp.preload=false");
    long[] marks =
        ChildJvm.runForMarkers(
            "uz.dhp.forms.app.Main",
            jvm,
            List.of(
                "--data-dir=" + data,
                "--forms-dir=" + System.getProperty("dhp.forms.dir", "forms"),
                "--smoke-test"),
            List.of("DHP_FORMS_FIRST_FRAME_MS=", "DHP_FORMS_HOME_READY_MS="));
    if (marks[0] < 0 || marks[1] < 0) {
      throw new IllegalStateException("the app printed no start-up markers");
    }
    Set<String> names = new LinkedHashSet<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      long ms = Math.round(Double.parseDouble(m.group(1)) * 1000);
      String name = m.group(2);
      if (ms >= marks[0] - 50
          && ms <= marks[1]
          && !name.contains("$$")
          && !name.contains("/")
          && PACKAGES.stream().anyMatch(name::startsWith)) {
        names.add(name);
      }
    }
    Path target = Path.of("src/main/resources/uz/dhp/forms/app/preload-classes.txt");
    Files.write(target, names);
    System.out.printf(
        "%d classes written to %s (first frame %d ms, main window %d ms)%n",
        names.size(), target, marks[0], marks[1]);
  }

  private PreloadListGenerator() {}
}
