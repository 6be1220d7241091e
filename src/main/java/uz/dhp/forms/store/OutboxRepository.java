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
import java.util.OptionalInt;

/**
 * The outbox: one row per stored document and its way to the server. Every state change is one
 * transaction, and results of a send are accepted only for a row that is {@code sending}, so a late
 * answer can never overwrite a newer state. Rows are never deleted.
 */
public final class OutboxRepository {

  private static final String SELECT =
      "SELECT o.seq, o.document_id, d.draft_id, d.form_id, d.bundle_id_system, d.bundle_id_value,"
          + " d.version, o.state, o.attempts, o.next_attempt_at, o.sending_since,"
          + " o.last_error_key, o.last_error_detail, o.http_status, o.outcome_json, o.server_id,"
          + " o.location, o.sent_at, o.updated_at, d.status"
          + " FROM outbox o JOIN document d ON d.id = o.document_id";

  private final Database db;
  private final Clock clock;

  OutboxRepository(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** One page of the outbox, newest first. */
  public List<OutboxEntry> list(int limit, int offset) {
    return query(SELECT + " ORDER BY o.seq DESC LIMIT ? OFFSET ?", limit, offset);
  }

  /** Rows the worker still has to deliver (queued, sending, waiting to retry), oldest first. */
  public List<OutboxEntry> pending() {
    return query(
        SELECT + " WHERE o.state IN ('queued', 'sending', 'waiting_retry') ORDER BY o.seq");
  }

  /** Rows left in {@code sending}: after a crash these are resolved before anything else. */
  public List<OutboxEntry> inFlight() {
    return query(SELECT + " WHERE o.state = 'sending' ORDER BY o.seq");
  }

  public Optional<OutboxEntry> find(String documentId) {
    List<OutboxEntry> rows = query(SELECT + " WHERE o.document_id = ?", documentId);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public OutboxCounts counts() {
    try {
      return db.read(
          c -> {
            int[] n = new int[OutboxState.values().length];
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT state, count(*) FROM outbox GROUP BY state");
                ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                n[state(rs.getString(1)).ordinal()] = rs.getInt(2);
              }
            }
            return new OutboxCounts(
                n[OutboxState.QUEUED.ordinal()],
                n[OutboxState.SENDING.ordinal()],
                n[OutboxState.WAITING_RETRY.ordinal()],
                n[OutboxState.SENT.ordinal()],
                n[OutboxState.REJECTED.ordinal()]);
          });
    } catch (SQLException e) {
      throw new StoreException("counting the outbox failed: " + SqliteErrors.describe(e), e);
    }
  }

  /** When the next queued or waiting row becomes due, if any. */
  public Optional<Instant> nextDue() {
    try {
      return db.read(
          c -> {
            try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT min(next_attempt_at) FROM outbox"
                            + " WHERE state IN ('queued', 'waiting_retry')");
                ResultSet rs = ps.executeQuery()) {
              long at = rs.next() ? rs.getLong(1) : 0;
              return rs.wasNull()
                  ? Optional.<Instant>empty()
                  : Optional.of(Instant.ofEpochMilli(at));
            }
          });
    } catch (SQLException e) {
      throw new StoreException("reading the outbox failed: " + SqliteErrors.describe(e), e);
    }
  }

  /**
   * Takes the oldest due row (queued or waiting, next attempt ≤ now) and marks it {@code sending}
   * with one more attempt, in one transaction. Empty when nothing is due.
   */
  public Optional<OutboxEntry> claimNextDue() {
    long now = clock.millis();
    try {
      Optional<String> claimed =
          db.write(
              c -> {
                String id;
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT document_id FROM outbox WHERE state IN ('queued', 'waiting_retry')"
                            + " AND next_attempt_at <= ? ORDER BY seq LIMIT 1")) {
                  ps.setLong(1, now);
                  try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                      return Optional.<String>empty();
                    }
                    id = rs.getString(1);
                  }
                }
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "UPDATE outbox SET state = 'sending', attempts = attempts + 1,"
                            + " sending_since = ?, updated_at = ? WHERE document_id = ?")) {
                  ps.setLong(1, now);
                  ps.setLong(2, now);
                  ps.setString(3, id);
                  ps.executeUpdate();
                }
                return Optional.of(id);
              });
      return claimed.flatMap(this::find);
    } catch (SQLException e) {
      throw new StoreException("claiming an outbox row failed: " + SqliteErrors.describe(e), e);
    }
  }

  /** The server holds the document. Only from {@code sending}. */
  public OutboxUpdate markSent(
      String documentId, String serverId, String location, int httpStatus) {
    return change(
        documentId,
        "state = 'sending'",
        "state = 'sent', server_id = ?, location = ?, http_status = ?, sent_at = ?,"
            + " sending_since = NULL, last_error_key = NULL, last_error_detail = NULL",
        serverId,
        location,
        httpStatus,
        clock.millis());
  }

  /** The server refused the document with a reason. Only from {@code sending}. */
  public OutboxUpdate markRejected(
      String documentId, int httpStatus, String errorKey, String detail, String outcomeJson) {
    return change(
        documentId,
        "state = 'sending'",
        "state = 'rejected', http_status = ?, last_error_key = ?, last_error_detail = ?,"
            + " outcome_json = ?, sending_since = NULL",
        httpStatus,
        errorKey,
        detail,
        outcomeJson);
  }

  /**
   * A transient failure: try again at {@code nextAttempt}. Only from {@code sending}. {@code
   * httpStatus} 0 means no HTTP answer (timeout, reset).
   */
  public OutboxUpdate markRetry(
      String documentId, Instant nextAttempt, String errorKey, String detail, int httpStatus) {
    return change(
        documentId,
        "state = 'sending'",
        "state = 'waiting_retry', next_attempt_at = ?, last_error_key = ?, last_error_detail = ?,"
            + " http_status = ?, sending_since = NULL",
        nextAttempt.toEpochMilli(),
        errorKey,
        detail,
        httpStatus == 0 ? null : httpStatus);
  }

  /**
   * Puts a {@code sending} row back in the queue without counting it as a failure: the restart
   * check found the document is not on the server.
   */
  public OutboxUpdate requeueInFlight(String documentId) {
    return change(
        documentId,
        "state = 'sending'",
        "state = 'queued', next_attempt_at = ?, sending_since = NULL",
        clock.millis());
  }

  /** The user's "retry": a waiting, rejected or queued row becomes due now. */
  public OutboxUpdate retryNow(String documentId) {
    return change(
        documentId,
        "state IN ('queued', 'waiting_retry', 'rejected')",
        "state = 'queued', next_attempt_at = ?",
        clock.millis());
  }

  /** "Send now": every waiting row becomes due now. Returns how many. */
  public int retryAllNow() {
    long now = clock.millis();
    try {
      return db.write(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE outbox SET next_attempt_at = ?, updated_at = ?"
                        + " WHERE state IN ('queued', 'waiting_retry') AND next_attempt_at > ?")) {
              ps.setLong(1, now);
              ps.setLong(2, now);
              ps.setLong(3, now);
              return ps.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw new StoreException("updating the outbox failed: " + SqliteErrors.describe(e), e);
    }
  }

  private OutboxUpdate change(String documentId, String guard, String set, Object... args) {
    long now = clock.millis();
    try {
      return db.write(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE outbox SET "
                        + set
                        + ", updated_at = ? WHERE document_id = ? AND "
                        + guard)) {
              int i = 1;
              for (Object a : args) {
                bind(ps, i++, a);
              }
              ps.setLong(i++, now);
              ps.setString(i, documentId);
              if (ps.executeUpdate() == 0) {
                return new OutboxUpdate.NotApplicable(
                    documentId, "no row in a state matching: " + guard);
              }
            }
            return new OutboxUpdate.Applied(findIn(c, documentId).orElseThrow());
          });
    } catch (SQLException e) {
      return new OutboxUpdate.Failed(documentId, SqliteErrors.writeFailure(e));
    }
  }

  private static void bind(PreparedStatement ps, int i, Object a) throws SQLException {
    if (a == null) {
      ps.setNull(i, Types.NULL);
    } else if (a instanceof Integer n) {
      ps.setInt(i, n);
    } else if (a instanceof Long n) {
      ps.setLong(i, n);
    } else {
      ps.setString(i, a.toString());
    }
  }

  private List<OutboxEntry> query(String sql, Object... args) {
    try {
      return db.read(c -> queryIn(c, sql, args));
    } catch (SQLException e) {
      throw new StoreException("reading the outbox failed: " + SqliteErrors.describe(e), e);
    }
  }

  private static Optional<OutboxEntry> findIn(Connection c, String documentId) throws SQLException {
    List<OutboxEntry> rows = queryIn(c, SELECT + " WHERE o.document_id = ?", documentId);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static List<OutboxEntry> queryIn(Connection c, String sql, Object... args)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        bind(ps, i + 1, args[i]);
      }
      List<OutboxEntry> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
      return rows;
    }
  }

  private static OutboxEntry row(ResultSet rs) throws SQLException {
    return new OutboxEntry(
        rs.getLong("seq"),
        rs.getString("document_id"),
        rs.getString("draft_id"),
        rs.getString("form_id"),
        new BundleIdentifier(rs.getString("bundle_id_system"), rs.getString("bundle_id_value")),
        rs.getInt("version"),
        state(rs.getString("state")),
        rs.getInt("attempts"),
        Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
        optionalInstant(rs, "sending_since"),
        Optional.ofNullable(rs.getString("last_error_key")),
        Optional.ofNullable(rs.getString("last_error_detail")),
        optionalInt(rs, "http_status"),
        Optional.ofNullable(rs.getString("outcome_json")),
        Optional.ofNullable(rs.getString("server_id")),
        Optional.ofNullable(rs.getString("location")),
        optionalInstant(rs, "sent_at"),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        rs.getString("status"));
  }

  private static OutboxState state(String code) throws SQLException {
    Optional<OutboxState> s = OutboxState.fromCode(code);
    if (s.isEmpty()) {
      throw new SQLException("unknown outbox state " + code);
    }
    return s.get();
  }

  private static Optional<Instant> optionalInstant(ResultSet rs, String column)
      throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
  }

  private static OptionalInt optionalInt(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(v);
  }
}
