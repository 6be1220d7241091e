package uz.dhp.forms.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict on an existing database file, reached before anything is written to it. Only {@link
 * Damaged} leads to moving the file aside; any other failure leaves the file alone.
 */
sealed interface Inspection {

  /** Ours, intact, at a version this app knows. */
  record Healthy(int version) implements Inspection {}

  /** An empty database (0-byte file, or a first start interrupted before the first migration). */
  record Empty() implements Inspection {}

  /** Unusable content: move it aside. */
  record Damaged(String reasonKey, String detail) implements Inspection {}

  /** Which integrity pragma runs at start-up (see docs/decisions/0002). */
  enum IntegrityCheck {
    FULL("integrity_check"),
    QUICK("quick_check");

    final String pragma;

    IntegrityCheck(String pragma) {
      this.pragma = pragma;
    }
  }

  /**
   * Inspects an open connection. Throws {@link SQLException} for failures that say nothing about
   * the content (I/O error, locked, permission): those must not lead to moving the file.
   */
  static Inspection inspect(Database db, int latestVersion, IntegrityCheck check)
      throws SQLException {
    try {
      int appId = Integer.parseInt(db.pragma("application_id"));
      int version = Integer.parseInt(db.pragma("user_version"));
      List<String> problems = integrityProblems(db, check);
      if (!problems.isEmpty()) {
        return new Damaged(
            StoreOpenOutcome.Reasons.DAMAGED, check.pragma + ": " + String.join("; ", problems));
      }
      if (appId != Database.APPLICATION_ID) {
        if (appId == 0 && version == 0 && schemaObjectCount(db) == 0) {
          return new Empty();
        }
        return new Damaged(
            StoreOpenOutcome.Reasons.FOREIGN,
            "application_id " + appId + ", user_version " + version);
      }
      if (version > latestVersion) {
        return new Damaged(
            StoreOpenOutcome.Reasons.NEWER_VERSION,
            "schema version " + version + ", this app knows up to " + latestVersion);
      }
      return new Healthy(version);
    } catch (SQLException e) {
      if (!SqliteErrors.isDamagedFile(e)) {
        throw e;
      }
      String reason =
          SqliteErrors.primaryCode(e) == SqliteErrors.SQLITE_NOTADB
              ? StoreOpenOutcome.Reasons.NOT_A_DATABASE
              : StoreOpenOutcome.Reasons.DAMAGED;
      return new Damaged(reason, SqliteErrors.describe(e));
    }
  }

  private static List<String> integrityProblems(Database db, IntegrityCheck check)
      throws SQLException {
    return db.read(
        c -> {
          List<String> rows = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("PRAGMA " + check.pragma + "(20)")) {
            while (rs.next()) {
              rows.add(rs.getString(1));
            }
          }
          if (rows.size() == 1 && "ok".equals(rows.get(0))) {
            return List.of();
          }
          return rows.isEmpty() ? List.of("no result") : rows;
        });
  }

  private static int schemaObjectCount(Database db) throws SQLException {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            return rs.next() ? rs.getInt(1) : 0;
          }
        });
  }
}
