package uz.dhp.forms.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Finalized documents: immutable bytes, written in the same transaction as their outbox row, so a
 * document is never stored without being queued and never queued without its bytes.
 */
public final class DocumentRepository {

  private static final String COLUMNS =
      "id, draft_id, form_id, bundle_id_system, bundle_id_value, composition_id, version, status,"
          + " signed, created_at, bytes, sha256";

  private final Database db;
  private final AuditLog audit;
  private final Clock clock;

  DocumentRepository(Database db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Stores the document, queues it for sending and records it in the audit log, in one transaction:
   * after a crash either all three happened or none.
   */
  public DocumentSaveOutcome storeAndQueue(DocumentWrite doc, Actor actor) {
    try {
      return db.write(c -> storeAndQueueIn(c, doc, actor));
    } catch (SQLException e) {
      return new DocumentSaveOutcome.Failed(doc.id(), SqliteErrors.writeFailure(e));
    }
  }

  DocumentSaveOutcome storeAndQueueIn(Connection c, DocumentWrite doc, Actor actor)
      throws SQLException {
    if (exists(c, doc)) {
      return new DocumentSaveOutcome.Duplicate(doc.id(), doc.bundleIdentifier());
    }
    long now = clock.millis();
    byte[] bytes = doc.bytes();
    String sha = sha256(bytes);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO document (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
      ps.setString(1, doc.id());
      ps.setString(2, doc.draftId());
      ps.setString(3, doc.formId());
      ps.setString(4, doc.bundleIdentifier().system());
      ps.setString(5, doc.bundleIdentifier().value());
      ps.setString(6, doc.compositionIdentifier());
      ps.setInt(7, doc.version());
      ps.setString(8, doc.status());
      ps.setInt(9, doc.signed() ? 1 : 0);
      ps.setLong(10, now);
      ps.setBytes(11, bytes);
      ps.setString(12, sha);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO outbox (document_id, state, attempts, next_attempt_at, updated_at)"
                + " VALUES (?, 'queued', 0, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, doc.id());
      ps.setLong(2, now);
      ps.setLong(3, now);
      ps.executeUpdate();
      long seq;
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        seq = keys.getLong(1);
      }
      audit.append(c, actor, AuditAction.DOCUMENT_QUEUED, doc.draftId(), doc.version(), null);
      return new DocumentSaveOutcome.Queued(doc.id(), seq, sha);
    }
  }

  private static boolean exists(Connection c, DocumentWrite doc) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM document WHERE id = ? OR (bundle_id_system = ? AND bundle_id_value = ?)")) {
      ps.setString(1, doc.id());
      ps.setString(2, doc.bundleIdentifier().system());
      ps.setString(3, doc.bundleIdentifier().value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  public Optional<StoredDocument> find(String id) {
    return findWhere("id = ?", id);
  }

  public Optional<StoredDocument> findByBundleIdentifier(BundleIdentifier identifier) {
    return findWhere(
        "bundle_id_system = ? AND bundle_id_value = ?", identifier.system(), identifier.value());
  }

  private Optional<StoredDocument> findWhere(String where, String... args) {
    try {
      return db.read(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM document WHERE " + where)) {
              for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
              }
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
              }
            }
          });
    } catch (SQLException e) {
      throw new StoreException("reading a document failed: " + SqliteErrors.describe(e), e);
    }
  }

  private static StoredDocument row(ResultSet rs) throws SQLException {
    return new StoredDocument(
        rs.getString("id"),
        rs.getString("draft_id"),
        rs.getString("form_id"),
        new BundleIdentifier(rs.getString("bundle_id_system"), rs.getString("bundle_id_value")),
        Optional.ofNullable(rs.getString("composition_id")),
        rs.getInt("version"),
        rs.getString("status"),
        rs.getInt("signed") == 1,
        Instant.ofEpochMilli(rs.getLong("created_at")),
        rs.getBytes("bytes"),
        rs.getString("sha256"));
  }

  /** Lower-case hex SHA-256 of the bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
