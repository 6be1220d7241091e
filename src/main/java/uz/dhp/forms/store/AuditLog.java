package uz.dhp.forms.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Append-only audit trail. There is no update or delete API, and database triggers reject UPDATE
 * and DELETE on the table. Draft changes append their row inside the same transaction as the change
 * ({@link #append(Connection, Actor, AuditAction, String, long, String)}).
 */
public final class AuditLog {

  private static final String COLUMNS = "seq, at, actor, action, draft_id, revision, reason_key";

  private final Database db;
  private final Clock clock;

  AuditLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Appends an event that is not part of a draft change, in its own transaction. */
  public StoreWriteOutcome append(Actor actor, AuditAction action) {
    try {
      db.write(
          c -> {
            append(c, actor, action, null, 0, null);
            return null;
          });
      return new StoreWriteOutcome.Written();
    } catch (SQLException e) {
      return new StoreWriteOutcome.Failed(SqliteErrors.writeFailure(e));
    }
  }

  /** Appends a row within the caller's transaction. {@code revision} 0 means none. */
  void append(
      Connection c,
      Actor actor,
      AuditAction action,
      String draftId,
      long revision,
      String reasonKey)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_log (at, actor, action, draft_id, revision, reason_key)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, clock.millis());
      ps.setString(2, actor.id());
      ps.setString(3, action.code());
      ps.setString(4, draftId);
      if (revision > 0) {
        ps.setLong(5, revision);
      } else {
        ps.setNull(5, Types.INTEGER);
      }
      ps.setString(6, reasonKey);
      ps.executeUpdate();
    }
  }

  /** The newest {@code limit} entries, newest first. */
  public List<AuditEntry> recent(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    return query("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT ?", limit);
  }

  /** All entries about one draft, oldest first. */
  public List<AuditEntry> forDraft(String draftId) {
    return query(
        "SELECT " + COLUMNS + " FROM audit_log WHERE draft_id = ? ORDER BY seq ASC", draftId);
  }

  private List<AuditEntry> query(String sql, Object parameter) {
    try {
      return db.read(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              ps.setObject(1, parameter);
              List<AuditEntry> entries = new ArrayList<>();
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  entries.add(entry(rs));
                }
              }
              return entries;
            }
          });
    } catch (SQLException e) {
      throw new StoreException("reading the audit log failed: " + SqliteErrors.describe(e), e);
    }
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    String code = rs.getString("action");
    AuditAction action =
        AuditAction.fromCode(code)
            .orElseThrow(() -> new SQLException("unknown audit action code " + code));
    long revision = rs.getLong("revision");
    boolean hasRevision = !rs.wasNull();
    return new AuditEntry(
        rs.getLong("seq"),
        Instant.ofEpochMilli(rs.getLong("at")),
        new Actor(rs.getString("actor")),
        action,
        Optional.ofNullable(rs.getString("draft_id")),
        hasRevision ? OptionalLong.of(revision) : OptionalLong.empty(),
        Optional.ofNullable(rs.getString("reason_key")));
  }
}
