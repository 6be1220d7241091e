package uz.dhp.forms.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Moves an unusable database aside by renaming it; never deletes or rewrites it. The {@code -wal}
 * and {@code -shm} files keep their suffixes on the new name, so that SQLite (or support staff)
 * opening the moved file still sees its WAL and can recover what it holds.
 */
final class Quarantine {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private static final String[] COMPANIONS = {"-wal", "-shm"};

  private final Clock clock;

  Quarantine(Clock clock) {
    this.clock = clock;
  }

  /**
   * Renames {@code dbFile} and its companions to {@code <name>.<label>-<UTC time>.db} (plus {@code
   * -wal}/{@code -shm}) and returns the new path of the main file.
   */
  Path moveAside(Path dbFile, String label) throws IOException {
    Path dir = dbFile.toAbsolutePath().getParent();
    String base = dbFile.getFileName().toString().replaceFirst("\\.db$", "");
    String stamp = STAMP.format(clock.instant());
    Path target = dir.resolve(base + "." + label + "-" + stamp + ".db");
    for (int n = 2; occupied(target); n++) {
      target = dir.resolve(base + "." + label + "-" + stamp + "-" + n + ".db");
    }
    // Companions first: a WAL left behind next to a new database file of the same name would be
    // replayed into it. If we stop half-way, the next start moves the rest aside.
    for (String suffix : COMPANIONS) {
      Path companion = dir.resolve(dbFile.getFileName() + suffix);
      if (Files.exists(companion)) {
        Files.move(
            companion, dir.resolve(target.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    if (Files.exists(dbFile)) {
      Files.move(dbFile, target, StandardCopyOption.ATOMIC_MOVE);
    }
    syncDirectory(dir);
    return target;
  }

  /** A {@code -wal} or {@code -shm} without its database file (left by an interrupted move). */
  static boolean hasOrphanCompanions(Path dbFile) {
    if (Files.exists(dbFile)) {
      return false;
    }
    for (String suffix : COMPANIONS) {
      if (Files.exists(dbFile.resolveSibling(dbFile.getFileName() + suffix))) {
        return true;
      }
    }
    return false;
  }

  private static boolean occupied(Path target) {
    if (Files.exists(target)) {
      return true;
    }
    for (String suffix : COMPANIONS) {
      if (Files.exists(target.resolveSibling(target.getFileName() + suffix))) {
        return true;
      }
    }
    return false;
  }

  /** Makes the renames durable on Linux/macOS; Windows cannot open a directory and needs not. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported on this platform; the rename itself has happened.
    }
  }
}
