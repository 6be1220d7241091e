package uz.dhp.forms.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cold start to first frame: the app (with a fresh data directory and the repository's forms) vs an
 * empty JavaFX window of the same size, each in a fresh JVM started the same way, alternating; and
 * for the app also the first frame that shows the main window (top bar, forms and drafts). Run:
 * {@code mvn -B -q -Pbench -Dbench=StartupBench test-compile exec:exec} (optionally {@code
 * -Dbench.args="RUNS [APP_JVM_OPTIONS…]"}).
 */
public final class StartupBench {

  private static final String MARKER = "DHP_FORMS_FIRST_FRAME_MS=";
  private static final String HOME_MARKER = "DHP_FORMS_HOME_READY_MS=";

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    // Further arguments are JVM options for the app only (e.g. -Ddhp.preload=false to compare).
    List<String> appOptions = List.of(args).subList(Math.min(1, args.length), args.length);
    String formsDir = System.getProperty("dhp.forms.dir", "forms");
    List<String> jvm = new ArrayList<>(ChildJvm.fxProperties());
    jvm.add("-Xmx1536m");
    long[] app = new long[runs];
    long[] empty = new long[runs];
    long[] home = new long[runs];
    for (int i = 0; i < runs; i++) {
      Path data = Files.createTempDirectory("dhp-startup-bench");
      empty[i] = ChildJvm.runForMarker(EmptyFxApp.Launcher.class.getName(), jvm, List.of(), MARKER);
      List<String> appJvm = new ArrayList<>(jvm);
      appJvm.addAll(appOptions);
      long[] both =
          ChildJvm.runForMarkers(
              "uz.dhp.forms.app.Main",
              appJvm,
              List.of("--data-dir=" + data, "--forms-dir=" + formsDir, "--smoke-test"),
              List.of(MARKER, HOME_MARKER));
      app[i] = both[0];
      home[i] = both[1];
    }
    Arrays.sort(app);
    Arrays.sort(empty);
    Arrays.sort(home);
    long appMedian = app[runs / 2];
    long emptyMedian = empty[runs / 2];
    System.out.println(
        "| measure (JVM uptime at first frame, ms) | DHP Forms | empty JavaFX window |");
    System.out.println("|---|---|---|");
    System.out.printf("| median of %d | %d | %d |%n", runs, appMedian, emptyMedian);
    System.out.printf("| min | %d | %d |%n", app[0], empty[0]);
    System.out.printf("| max | %d | %d |%n", app[runs - 1], empty[runs - 1]);
    System.out.printf("| ratio (median) | %.2f× | 1.00× |%n", (double) appMedian / emptyMedian);
    System.out.println();
    System.out.println("| main window laid out and usable (JVM uptime, ms) | DHP Forms |");
    System.out.println("|---|---|");
    System.out.printf("| median of %d | %d |%n", runs, home[runs / 2]);
    System.out.printf("| min / max | %d / %d |%n", home[0], home[runs - 1]);
    System.out.printf(
        "| ratio to the empty window (median) | %.2f× |%n", (double) home[runs / 2] / emptyMedian);
    if (app[0] < 0 || empty[0] < 0 || home[0] < 0) {
      System.out.println("WARNING: some runs printed no first-frame marker (failed start)");
    }
  }

  private StartupBench() {}
}
