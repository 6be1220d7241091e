package uz.dhp.forms.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes a file or directory really read-only for this process, also when tests run as root (where
 * permission bits are ignored): then the Linux immutable attribute ({@code chattr +i}) is used.
 * {@link #apply} returns null when neither works here, so the caller can skip with a reason.
 */
final class FilePermissions implements AutoCloseable {

  private final Path path;
  private final Set<PosixFilePermission> original;
  private final boolean immutable;

  private FilePermissions(Path path, Set<PosixFilePermission> original, boolean immutable) {
    this.path = path;
    this.original = original;
    this.immutable = immutable;
  }

  static FilePermissions apply(Path path) throws IOException, InterruptedException {
    Set<PosixFilePermission> original = Files.getPosixFilePermissions(path);
    Files.setPosixFilePermissions(
        path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
    if (!writable(path)) {
      return new FilePermissions(path, original, false);
    }
    if (run("chattr", "+i", path.toString()) && !writable(path)) {
      return new FilePermissions(path, original, true);
    }
    Files.setPosixFilePermissions(path, original);
    return null;
  }

  private static boolean writable(Path path) {
    try {
      if (Files.isDirectory(path)) {
        Files.delete(Files.createTempFile(path, "probe", ".tmp"));
      } else {
        Files.newOutputStream(path, java.nio.file.StandardOpenOption.APPEND).close();
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean run(String... command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    if (immutable) {
      try {
        run("chattr", "-i", path.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Files.setPosixFilePermissions(path, original);
  }
}
