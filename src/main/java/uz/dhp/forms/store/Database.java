package uz.dhp.forms.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite connection used by all threads, one at a time (see docs/decisions/0002). Every write
 * runs in its own {@code BEGIN IMMEDIATE … COMMIT}; a write is acknowledged to the caller only
 * after {@code COMMIT} returned, and with {@code synchronous=FULL} in WAL mode that means the WAL
 * was fsynced.
 */
final class Database implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  static final int BUSY_TIMEOUT_MS = 5000;

  /** {@code PRAGMA application_id}: "DHPF", tells our files apart from other SQLite files. */
  static final int APPLICATION_ID = 0x44485046;

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;

  private Database(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens a read-write connection; nothing is written until the caller does. */
  static Database connect(Path file) throws SQLException {
    return connect(file, false);
  }

  /**
   * Opens a read-only connection for inspecting a possibly damaged file: it cannot write to the
   * file, and unlike a read-write connection it does not checkpoint the WAL into the file when it
   * closes, so a file that is then moved aside keeps its original bytes.
   */
  static Database connectReadOnly(Path file) throws SQLException {
    return connect(file, true);
  }

  private static Database connect(Path file, boolean readOnly) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.enableLoadExtension(false);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setReadOnly(readOnly);
    Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    return new Database(file, c);
  }

  Path file() {
    return file;
  }

  /**
   * Sets the durability and safety pragmas and reads every one back; throws if any is not in force
   * (a driver built with other defaults, or a file system that refuses WAL).
   */
  void enforcePragmas() throws SQLException {
    lock.lock();
    try {
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = FULL");
        s.execute("PRAGMA foreign_keys = ON");
        s.execute("PRAGMA secure_delete = ON");
        s.execute("PRAGMA trusted_schema = OFF");
      }
      expectPragma("journal_mode", "wal");
      expectPragma("synchronous", "2");
      expectPragma("foreign_keys", "1");
      expectPragma("secure_delete", "1");
      expectPragma("trusted_schema", "0");
      expectPragma("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
    } finally {
      lock.unlock();
    }
  }

  private void expectPragma(String name, String expected) throws SQLException {
    String actual = pragma(name);
    if (!expected.equalsIgnoreCase(actual)) {
      throw new PragmaNotInForceException(name, expected, actual);
    }
  }

  /** The value of a pragma (first column of the first row), or "" when it returns no row. */
  String pragma(String name) throws SQLException {
    return read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? String.valueOf(rs.getString(1)) : "";
          }
        });
  }

  /** Runs read-only work while holding the connection (auto-commit, one consistent statement). */
  <T> T read(SqlWork<T> work) throws SQLException {
    lock.lock();
    try {
      ensureOpen();
      return work.run(connection);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction and returns its result only after
   * {@code COMMIT} succeeded. On any exception the transaction is rolled back and the exception
   * rethrown, so nothing is acknowledged that was not committed.
   */
  <T> T write(SqlWork<T> work) throws SQLException {
    lock.lock();
    try {
      ensureOpen();
      try (Statement s = connection.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
      }
      T result;
      try {
        result = work.run(connection);
        try (Statement s = connection.createStatement()) {
          s.execute("COMMIT");
        }
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(e);
        throw e;
      }
      return result;
    } finally {
      lock.unlock();
    }
  }

  private void rollbackQuietly(Throwable cause) {
    try (Statement s = connection.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException rollbackFailure) {
      // SQLite rolls back by itself after some errors (e.g. I/O error during COMMIT); then there is
      // no transaction left to roll back. Keep the original failure as the one that is reported.
      cause.addSuppressed(rollbackFailure);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the store is closed");
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.warn("Closing the database failed: {}", SqliteErrors.describe(e));
      }
    } finally {
      lock.unlock();
    }
  }

  /** A safety pragma did not take effect. */
  static final class PragmaNotInForceException extends SQLException {
    private static final long serialVersionUID = 1L;

    PragmaNotInForceException(String name, String expected, String actual) {
      super("PRAGMA " + name + " is '" + actual + "', required '" + expected + "'");
    }
  }
}
