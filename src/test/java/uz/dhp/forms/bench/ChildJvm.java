package uz.dhp.forms.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a fresh JVM on the current class path, for start-up measurements. */
final class ChildJvm {

  private ChildJvm() {}

  /** JavaFX properties for a headless run unless a real display is present. */
  static List<String> fxProperties() {
    List<String> p = new ArrayList<>();
    p.add("-Dprism.order=sw");
    if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
      p.add("-Dglass.platform=Monocle");
      p.add("-Dmonocle.platform=Headless");
    }
    return p;
  }

  /** Runs {@code mainClass}, returns the value printed after {@code marker}, or -1. */
  static long runForMarker(String mainClass, List<String> jvmArgs, List<String> args, String marker)
      throws IOException, InterruptedException {
    return runForMarkers(mainClass, jvmArgs, args, List.of(marker))[0];
  }

  /** Runs {@code mainClass}, returns the values printed after each marker (-1 if absent). */
  static long[] runForMarkers(
      String mainClass, List<String> jvmArgs, List<String> args, List<String> markers)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    long[] values = new long[markers.size()];
    java.util.Arrays.fill(values, -1);
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        for (int i = 0; i < markers.size(); i++) {
          if (line.startsWith(markers.get(i))) {
            values[i] = Long.parseLong(line.substring(markers.get(i).length()).trim());
          }
        }
      }
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return values;
  }
}
