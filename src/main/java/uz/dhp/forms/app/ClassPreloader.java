package uz.dhp.forms.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Loads (without initialising) the JavaFX and ControlsFX classes the main window needs, on a daemon
 * thread started before the toolkit: the FX thread then finds them loaded instead of reading them
 * from the jars one by one while it builds the home screen. The list is a resource generated from a
 * class-load log (see BENCHMARKS.md, start-up); a name that no longer exists is skipped, so a stale
 * list costs time, never correctness.
 */
final class ClassPreloader {

  static final String LIST = "/uz/dhp/forms/app/preload-classes.txt";

  private ClassPreloader() {}

  static void start() {
    Thread t = new Thread(ClassPreloader::run, "dhp-preload");
    t.setDaemon(true);
    t.start();
  }

  /** Loads every listed class; returns how many were found. */
  static int run() {
    ClassLoader loader = ClassPreloader.class.getClassLoader();
    int loaded = 0;
    try (InputStream in = ClassPreloader.class.getResourceAsStream(LIST)) {
      if (in == null) {
        return 0;
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String name;
      while ((name = lines.readLine()) != null) {
        if (load(name.trim(), loader)) {
          loaded++;
        }
      }
    } catch (IOException e) {
      LoggerFactory.getLogger(ClassPreloader.class).debug("Class preload list unreadable", e);
    }
    return loaded;
  }

  private static boolean load(String name, ClassLoader loader) {
    if (name.isEmpty() || name.startsWith("#")) {
      return false;
    }
    try {
      Class.forName(name, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
