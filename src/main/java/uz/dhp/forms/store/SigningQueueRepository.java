package uz.dhp.forms.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finalized documents waiting for their signature (dhp-spec C1: only signed documents are sent).
 * Finalizing and signing each change several tables; each is one transaction, so after a crash a
 * document is either awaiting, or signed and queued — never signed but not queued, never lost.
 */
public final class SigningQueueRepository {

  private static final String COLUMNS =
      "u.id, u.draft_id, u.form_id, u.bundle_id_system, u.bundle_id_value, u.composition_id,"
          + " u.version, u.status, u.signer_key, u.created_at, u.bytes, u.sha256, u.state,"
          + " u.signed_document_id, coalesce(d.patient_name, '') AS patient_name,"
          + " coalesce(d.pinfl, '') AS pinfl, u.retracts_document_id, u.retraction_reason";

  private static final String FROM =
      " FROM unsigned_document u LEFT JOIN draft d ON d.id = u.draft_id";

  private final Database db;
  private final AuditLog audit;
  private final DocumentRepository documents;
  private final Clock clock;

  SigningQueueRepository(Database db, AuditLog audit, DocumentRepository documents, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.documents = documents;
    this.clock = clock;
  }

  /**
   * Keeps a finalized document until it is signed, marks its draft finalized and withdraws any
   * earlier version of the same draft that was still awaiting (a correction replaces it), in one
   * transaction. A retraction ({@link UnsignedDocumentWrite#retraction()}) leaves the draft as it
   * is and is refused when the document it retracts already has a signed retraction.
   */
  public SigningQueueOutcome.Kept keep(UnsignedDocumentWrite doc, Actor actor) {
    try {
      return db.write(c -> keepIn(c, doc, actor));
    } catch (SQLException e) {
      return new SigningQueueOutcome.KeepFailed(doc.id(), SqliteErrors.writeFailure(e));
    }
  }

  private SigningQueueOutcome.Kept keepIn(Connection c, UnsignedDocumentWrite doc, Actor actor)
      throws SQLException {
    if (exists(c, doc)) {
      return new SigningQueueOutcome.DuplicateDocument(doc.id());
    }
    if (doc.retraction().isPresent() && signedRetractionOf(c, doc.retraction().get())) {
      return new SigningQueueOutcome.AlreadyRetracted(
          doc.id(), doc.retraction().get().documentId());
    }
    long now = clock.millis();
    List<String> withdrawn = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM unsigned_document WHERE draft_id = ? AND state = 'awaiting'")) {
      ps.setString(1, doc.draftId());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          withdrawn.add(rs.getString(1));
        }
      }
    }
    for (String id : withdrawn) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE unsigned_document SET state = 'withdrawn', updated_at = ? WHERE id = ?")) {
        ps.setLong(1, now);
        ps.setString(2, id);
        ps.executeUpdate();
      }
      audit.append(c, actor, AuditAction.DOCUMENT_WITHDRAWN, doc.draftId(), 0, null);
    }
    DocumentWrite d = doc.document();
    byte[] bytes = d.bytes();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO unsigned_document (id, draft_id, form_id, bundle_id_system,"
                + " bundle_id_value, composition_id, version, status, signer_key, created_at,"
                + " bytes, sha256, state, updated_at, retracts_document_id, retraction_reason)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'awaiting',?,?,?)")) {
      ps.setString(1, doc.id());
      ps.setString(2, doc.draftId());
      ps.setString(3, d.formId());
      ps.setString(4, d.bundleIdentifier().system());
      ps.setString(5, d.bundleIdentifier().value());
      ps.setString(6, d.compositionIdentifier());
      ps.setInt(7, d.version());
      ps.setString(8, d.status());
      ps.setString(9, doc.signerKey());
      ps.setLong(10, now);
      ps.setBytes(11, bytes);
      ps.setString(12, DocumentRepository.sha256(bytes));
      ps.setLong(13, now);
      ps.setString(14, doc.retraction().map(Retraction::documentId).orElse(null));
      ps.setString(15, doc.retraction().flatMap(Retraction::reason).orElse(null));
      ps.executeUpdate();
    }
    if (doc.retraction().isPresent()) {
      // The draft's answers are not what changed: its revision (and an open editor) stay as is.
      audit.append(c, actor, AuditAction.RETRACTION_CREATED, doc.draftId(), doc.version(), null);
      return new SigningQueueOutcome.Awaiting(doc.id(), withdrawn);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE draft SET status = ?, updated_at = ?, revision = revision + 1 WHERE id = ?")) {
      ps.setString(1, DraftStatus.FINALIZED.code());
      ps.setLong(2, now);
      ps.setString(3, doc.draftId());
      ps.executeUpdate();
    }
    audit.append(c, actor, AuditAction.DOCUMENT_FINALIZED, doc.draftId(), doc.version(), null);
    return new SigningQueueOutcome.Awaiting(doc.id(), withdrawn);
  }

  private static boolean signedRetractionOf(Connection c, Retraction retraction)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM unsigned_document WHERE retracts_document_id = ? AND state = 'signed'")) {
      ps.setString(1, retraction.documentId());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static boolean exists(Connection c, UnsignedDocumentWrite doc) throws SQLException {
    for (String table : List.of("unsigned_document", "document")) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT 1 FROM "
                  + table
                  + " WHERE id = ? OR (bundle_id_system = ? AND bundle_id_value = ?)")) {
        ps.setString(1, doc.id());
        ps.setString(2, doc.bundleIdentifier().system());
        ps.setString(3, doc.bundleIdentifier().value());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Stores the signed copy of {@code unsignedId}, queues it for sending and marks the unsigned one
   * signed, in one transaction; refuses if it no longer awaits or the copy is of another document.
   */
  public SigningQueueOutcome.Signed storeSigned(
      String unsignedId, DocumentWrite signed, Actor actor) {
    try {
      return db.write(c -> storeSignedIn(c, unsignedId, signed, actor));
    } catch (SQLException e) {
      return new SigningQueueOutcome.SignFailed(unsignedId, SqliteErrors.writeFailure(e));
    }
  }

  private SigningQueueOutcome.Signed storeSignedIn(
      Connection c, String unsignedId, DocumentWrite signed, Actor actor) throws SQLException {
    Optional<UnsignedDocument> found = findIn(c, unsignedId);
    if (found.isEmpty()) {
      return new SigningQueueOutcome.NotTheSameDocument(unsignedId);
    }
    UnsignedDocument unsigned = found.get();
    if (unsigned.state() != UnsignedDocument.State.AWAITING) {
      return new SigningQueueOutcome.NotAwaiting(unsignedId, unsigned.state());
    }
    if (!unsigned.bundleIdentifier().equals(signed.bundleIdentifier())
        || !unsigned.draftId().equals(signed.draftId())
        || unsigned.version() != signed.version()) {
      return new SigningQueueOutcome.NotTheSameDocument(unsignedId);
    }
    DocumentSaveOutcome queued = documents.storeAndQueueIn(c, signed, actor);
    if (!(queued instanceof DocumentSaveOutcome.Queued q)) {
      // A duplicate id or identifier: nothing of ours to roll back, nothing written.
      return new SigningQueueOutcome.NotTheSameDocument(unsignedId);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE unsigned_document SET state = 'signed', signed_document_id = ?,"
                + " updated_at = ? WHERE id = ?")) {
      ps.setString(1, signed.id());
      ps.setLong(2, clock.millis());
      ps.setString(3, unsignedId);
      ps.executeUpdate();
    }
    return new SigningQueueOutcome.Queued(unsignedId, signed.id(), q.outboxSeq());
  }

  /** Documents awaiting a signature, oldest first. */
  public List<UnsignedDocument> awaiting() {
    return query(" WHERE u.state = 'awaiting' ORDER BY u.created_at, u.id");
  }

  /** Every version kept for this draft, newest first. */
  public List<UnsignedDocument> forDraft(String draftId) {
    return query(" WHERE u.draft_id = ? ORDER BY u.version DESC, u.created_at DESC", draftId);
  }

  public Optional<UnsignedDocument> find(String id) {
    try {
      return db.read(c -> findIn(c, id));
    } catch (SQLException e) {
      throw new StoreException("reading a document failed: " + SqliteErrors.describe(e), e);
    }
  }

  /** How many documents await a signature. */
  public int awaitingCount() {
    try {
      return db.read(
          c -> {
            try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT count(*) FROM unsigned_document WHERE state = 'awaiting'");
                ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          });
    } catch (SQLException e) {
      throw new StoreException("counting documents failed: " + SqliteErrors.describe(e), e);
    }
  }

  private List<UnsignedDocument> query(String where, String... args) {
    try {
      return db.read(c -> queryIn(c, where, args));
    } catch (SQLException e) {
      throw new StoreException("reading documents failed: " + SqliteErrors.describe(e), e);
    }
  }

  private static Optional<UnsignedDocument> findIn(Connection c, String id) throws SQLException {
    List<UnsignedDocument> rows = queryIn(c, " WHERE u.id = ?", id);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static List<UnsignedDocument> queryIn(Connection c, String where, String... args)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + where)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      List<UnsignedDocument> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
      return rows;
    }
  }

  private static UnsignedDocument row(ResultSet rs) throws SQLException {
    Optional<String> reason = Optional.ofNullable(rs.getString("retraction_reason"));
    return new UnsignedDocument(
        rs.getString("id"),
        rs.getString("draft_id"),
        rs.getString("form_id"),
        new BundleIdentifier(rs.getString("bundle_id_system"), rs.getString("bundle_id_value")),
        Optional.ofNullable(rs.getString("composition_id")),
        rs.getInt("version"),
        rs.getString("status"),
        rs.getString("signer_key"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        rs.getBytes("bytes"),
        rs.getString("sha256"),
        UnsignedDocument.State.of(rs.getString("state")),
        Optional.ofNullable(rs.getString("signed_document_id")),
        rs.getString("patient_name"),
        rs.getString("pinfl"),
        Optional.ofNullable(rs.getString("retracts_document_id"))
            .map(id -> new Retraction(id, reason)));
  }
}
