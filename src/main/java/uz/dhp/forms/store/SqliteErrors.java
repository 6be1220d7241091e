package uz.dhp.forms.store;

import java.sql.SQLException;
import org.sqlite.SQLiteException;

/** Maps SQLite result codes to what the store does about them. */
final class SqliteErrors {

  // Primary result codes (https://sqlite.org/rescode.html); extended codes carry them in the low
  // byte.
  static final int SQLITE_PERM = 3;
  static final int SQLITE_BUSY = 5;
  static final int SQLITE_LOCKED = 6;
  static final int SQLITE_READONLY = 8;
  static final int SQLITE_IOERR = 10;
  static final int SQLITE_CORRUPT = 11;
  static final int SQLITE_FULL = 13;
  static final int SQLITE_CANTOPEN = 14;
  static final int SQLITE_NOTADB = 26;

  private SqliteErrors() {}

  static int primaryCode(SQLException e) {
    if (e instanceof SQLiteException se) {
      return se.getResultCode().code & 0xff;
    }
    return e.getErrorCode() & 0xff;
  }

  /** The file's content is damaged or is not a database: moving it aside is the remedy. */
  static boolean isDamagedFile(SQLException e) {
    int code = primaryCode(e);
    return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
  }

  /** The failure of a write, as a value for the caller. */
  static StoreFailure writeFailure(SQLException e) {
    int code = primaryCode(e);
    String key =
        switch (code) {
          case SQLITE_FULL -> StoreFailure.DISK_FULL;
          case SQLITE_BUSY, SQLITE_LOCKED -> StoreFailure.BUSY;
          case SQLITE_READONLY, SQLITE_PERM -> StoreFailure.READ_ONLY;
          default -> StoreFailure.FAILED;
        };
    return new StoreFailure(key, describe(e));
  }

  /** Technical description for logs: result code name and SQLite's message (no row data). */
  static String describe(SQLException e) {
    if (e instanceof SQLiteException se) {
      return se.getResultCode().name() + ": " + se.getMessage();
    }
    return "SQL error " + e.getErrorCode() + ": " + e.getMessage();
  }
}
