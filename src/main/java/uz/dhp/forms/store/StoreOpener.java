package uz.dhp.forms.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.store.Inspection.IntegrityCheck;
import uz.dhp.forms.store.StoreOpenOutcome.Reasons;

/**
 * Opens the store at start-up: takes the single-instance lock, inspects the existing file, moves a
 * damaged one aside, enforces the pragmas, migrates, and records the start in the audit log. Call
 * it on a background thread: the integrity check reads the whole file.
 */
public final class StoreOpener {

  private static final Logger LOG = LoggerFactory.getLogger(StoreOpener.class);

  static final String LOCK_FILE_NAME = "dhp-forms.lock";

  private final Clock clock;
  private final Migrator migrator;
  private final IntegrityCheck integrityCheck;
  private final Quarantine quarantine;

  public StoreOpener(Clock clock) {
    this(clock, Schema.MIGRATIONS, IntegrityCheck.FULL);
  }

  StoreOpener(Clock clock, List<Migration> migrations, IntegrityCheck integrityCheck) {
    this.clock = clock;
    this.migrator = new Migrator(migrations);
    this.integrityCheck = integrityCheck;
    this.quarantine = new Quarantine(clock);
  }

  /** Opens (creating if needed) the store in {@code dataDirectory}. Never throws for bad files. */
  public StoreOpenOutcome open(Path dataDirectory) {
    Path dir = dataDirectory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".write-probe", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      return unavailable(Reasons.DIRECTORY, dir, e.toString());
    }
    FileChannel lockChannel;
    FileLock lock;
    try {
      lockChannel =
          FileChannel.open(
              dir.resolve(LOCK_FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      return unavailable(Reasons.DIRECTORY, dir, e.toString());
    }
    try {
      lock = lockChannel.tryLock();
    } catch (IOException | OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      closeQuietly(lockChannel);
      return unavailable(Reasons.IN_USE, dir, "lock held by another DHP Forms instance");
    }
    StoreOpenOutcome outcome;
    try {
      outcome = openLocked(dir, lockChannel, lock);
    } catch (RuntimeException | Error e) {
      // A bug, not a bad file: do not leave the lock held for the rest of the process.
      closeQuietly(lockChannel);
      throw e;
    }
    if (outcome instanceof StoreOpenOutcome.Unavailable) {
      try {
        lock.release();
      } catch (IOException e) {
        // Closing the channel below releases it as well.
      }
      closeQuietly(lockChannel);
    }
    return outcome;
  }

  private StoreOpenOutcome openLocked(Path dir, FileChannel lockChannel, FileLock lock) {
    Path file = StoreLocation.databaseFile(dir);
    Inspection.Damaged damage = null;
    boolean fresh = true;
    Path movedAside = null;
    try {
      if (Quarantine.hasOrphanCompanions(file)) {
        Path aside = quarantine.moveAside(file, "orphan");
        LOG.warn("Moved a -wal/-shm without its database aside to {}", aside);
      }
      if (Files.exists(file)) {
        Inspection verdict = inspectExisting(file);
        fresh = verdict instanceof Inspection.Empty;
        damage = verdict instanceof Inspection.Damaged d ? d : null;
        if (damage != null) {
          movedAside = quarantine.moveAside(file, "damaged");
          LOG.error(
              "Store file unusable ({}: {}); moved aside to {}",
              damage.reasonKey(),
              damage.detail(),
              movedAside);
        }
      }
    } catch (SQLException e) {
      return unavailable(unavailableReason(e), dir, SqliteErrors.describe(e));
    } catch (IOException e) {
      return unavailable(damage != null ? Reasons.MOVE_ASIDE : Reasons.IO, dir, e.toString());
    }
    Database db;
    try {
      db = Database.connect(file);
    } catch (SQLException e) {
      return unavailable(unavailableReason(e), dir, SqliteErrors.describe(e));
    }
    try {
      db.enforcePragmas();
      migrator.migrate(db);
      Store store = new Store(dir, db, lockChannel, lock, clock);
      if (damage != null) {
        appendRecovered(db, damage.reasonKey());
        return new StoreOpenOutcome.RecoveredFromCorruption(
            store, movedAside, damage.reasonKey(), damage.detail());
      }
      AuditAction action = fresh ? AuditAction.STORE_CREATED : AuditAction.STORE_OPENED;
      appendStart(db, action);
      LOG.info("Store open: {}", file);
      return new StoreOpenOutcome.Opened(store);
    } catch (Database.PragmaNotInForceException e) {
      db.close();
      return unavailable(Reasons.SETTINGS, dir, e.getMessage());
    } catch (Migrator.MigrationFailedException e) {
      db.close();
      String reason = unavailableReason(e.failure());
      return unavailable(
          reason.equals(Reasons.IO) ? Reasons.MIGRATION : reason,
          dir,
          "migration to version " + e.version() + ": " + SqliteErrors.describe(e.failure()));
    } catch (SQLException e) {
      db.close();
      return unavailable(unavailableReason(e), dir, SqliteErrors.describe(e));
    }
  }

  /** Inspects the existing file without writing to it. */
  private Inspection inspectExisting(Path file) throws SQLException {
    Database db;
    try {
      db = Database.connectReadOnly(file);
    } catch (SQLException e) {
      if (SqliteErrors.isDamagedFile(e)) {
        return new Inspection.Damaged(Reasons.NOT_A_DATABASE, SqliteErrors.describe(e));
      }
      throw e;
    }
    try (db) {
      return Inspection.inspect(db, migrator.latestVersion(), integrityCheck);
    }
  }

  private void appendStart(Database db, AuditAction action) throws SQLException {
    AuditLog audit = new AuditLog(db, clock);
    // A write on every start also proves the file is writable: a read-only file fails here, not
    // at the user's first save.
    db.write(
        c -> {
          audit.append(c, Actor.SYSTEM, action, null, 0, null);
          return null;
        });
  }

  private void appendRecovered(Database db, String reasonKey) throws SQLException {
    AuditLog audit = new AuditLog(db, clock);
    db.write(
        c -> {
          audit.append(c, Actor.SYSTEM, AuditAction.STORE_RECOVERED, null, 0, reasonKey);
          return null;
        });
  }

  private static String unavailableReason(SQLException e) {
    return switch (SqliteErrors.primaryCode(e)) {
      case SqliteErrors.SQLITE_BUSY, SqliteErrors.SQLITE_LOCKED -> Reasons.IN_USE;
      case SqliteErrors.SQLITE_FULL -> Reasons.DISK_FULL;
      case SqliteErrors.SQLITE_READONLY, SqliteErrors.SQLITE_PERM, SqliteErrors.SQLITE_CANTOPEN ->
          Reasons.READ_ONLY;
      default -> Reasons.IO;
    };
  }

  private static StoreOpenOutcome unavailable(String reasonKey, Path dir, String detail) {
    LOG.error("Store unavailable ({}) in {}: {}", reasonKey, dir, detail);
    return new StoreOpenOutcome.Unavailable(reasonKey, dir, detail);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.warn("Closing the lock file failed: {}", e.toString());
    }
  }
}
