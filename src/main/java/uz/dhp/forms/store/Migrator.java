package uz.dhp.forms.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies pending migrations at start-up, each in its own transaction with its {@code PRAGMA
 * user_version} update, so a failure (or a crash) leaves the database at the previous version.
 */
final class Migrator {

  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

  private final List<Migration> migrations;

  Migrator(List<Migration> migrations) {
    for (int i = 0; i < migrations.size(); i++) {
      if (migrations.get(i).version() != i + 1) {
        throw new IllegalArgumentException("migrations must be numbered 1, 2, 3, … without gaps");
      }
    }
    this.migrations = List.copyOf(migrations);
  }

  /** The schema version this app writes. */
  int latestVersion() {
    return migrations.size();
  }

  static int currentVersion(Database db) throws SQLException {
    return Integer.parseInt(db.pragma("user_version"));
  }

  /**
   * Migrates to {@link #latestVersion()}.
   *
   * @throws MigrationFailedException from the failing migration; earlier ones stay committed
   * @throws SQLException when the current version cannot be read
   */
  void migrate(Database db) throws SQLException {
    int current = currentVersion(db);
    for (Migration m : migrations) {
      if (m.version() <= current) {
        continue;
      }
      try {
        db.write(
            c -> {
              m.step().apply(c);
              try (Statement s = c.createStatement()) {
                // Part of the same transaction: user_version lives in the header page.
                s.execute("PRAGMA user_version = " + m.version());
              }
              return null;
            });
      } catch (SQLException e) {
        throw new MigrationFailedException(m.version(), e);
      }
      LOG.info("Store schema migrated to version {} ({})", m.version(), m.description());
    }
  }

  /** A migration failed and was rolled back; the database is at {@code version - 1}. */
  static final class MigrationFailedException extends SQLException {
    private static final long serialVersionUID = 1L;

    private final int version;
    private final SQLException failure;

    MigrationFailedException(int version, SQLException failure) {
      super("migration to schema version " + version + " failed", failure);
      this.version = version;
      this.failure = failure;
    }

    int version() {
      return version;
    }

    SQLException failure() {
      return failure;
    }
  }
}
