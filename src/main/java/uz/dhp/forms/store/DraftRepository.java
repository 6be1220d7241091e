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
import java.util.OptionalLong;

/**
 * Drafts: QuestionnaireResponse JSON plus searchable metadata. Every change and its audit row are
 * committed in one transaction, and a change is reported only after that commit.
 */
public final class DraftRepository {

  private static final String SUMMARY_COLUMNS =
      "d.id, d.form_id, d.form_version, d.status, d.patient_name, d.pinfl,"
          + " d.created_at, d.updated_at, d.deleted_at, d.revision";

  private final Database db;
  private final AuditLog audit;
  private final Clock clock;

  DraftRepository(Database db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates the draft or replaces its content, whatever its current revision. Saving a soft-deleted
   * draft stores the content and leaves it deleted (nothing typed is lost).
   */
  public DraftSaveOutcome upsert(DraftWrite draft, Actor actor) {
    return save(draft, OptionalLong.empty(), actor);
  }

  /**
   * Like {@link #upsert(DraftWrite, Actor)}, but only if the draft is at {@code expectedRevision}
   * (0: only if it does not exist yet); otherwise returns {@link DraftSaveOutcome.Conflict}.
   */
  public DraftSaveOutcome upsert(DraftWrite draft, long expectedRevision, Actor actor) {
    if (expectedRevision < 0) {
      throw new IllegalArgumentException("revisions are not negative");
    }
    return save(draft, OptionalLong.of(expectedRevision), actor);
  }

  private DraftSaveOutcome save(DraftWrite draft, OptionalLong expected, Actor actor) {
    try {
      return db.write(c -> saveIn(c, draft, expected, actor));
    } catch (SQLException e) {
      return new DraftSaveOutcome.Failed(draft.id(), SqliteErrors.writeFailure(e));
    }
  }

  private DraftSaveOutcome saveIn(
      Connection c, DraftWrite draft, OptionalLong expected, Actor actor) throws SQLException {
    long current = currentRevision(c, draft.id());
    if (expected.isPresent() && expected.getAsLong() != current) {
      return new DraftSaveOutcome.Conflict(draft.id(), expected.getAsLong(), current);
    }
    long now = clock.millis();
    long revision = current + 1;
    String search = SearchText.forDraft(draft.patientName(), draft.pinfl(), draft.formId());
    if (current == 0) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO draft (form_id, form_version, status, patient_name, pinfl,"
                  + " search_text, created_at, updated_at, revision, id, deleted_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
        bindMetadata(ps, draft, search);
        ps.setLong(7, now);
        ps.setLong(8, now);
        ps.setLong(9, revision);
        ps.setString(10, draft.id());
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO draft_body (draft_id, response_json) VALUES (?, ?)")) {
        ps.setString(1, draft.id());
        ps.setString(2, draft.responseJson());
        ps.executeUpdate();
      }
    } else {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE draft SET form_id = ?, form_version = ?, status = ?, patient_name = ?,"
                  + " pinfl = ?, search_text = ?, updated_at = ?, revision = ? WHERE id = ?")) {
        bindMetadata(ps, draft, search);
        ps.setLong(7, now);
        ps.setLong(8, revision);
        ps.setString(9, draft.id());
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE draft_body SET response_json = ? WHERE draft_id = ?")) {
        ps.setString(1, draft.responseJson());
        ps.setString(2, draft.id());
        ps.executeUpdate();
      }
    }
    AuditAction action = current == 0 ? AuditAction.DRAFT_CREATED : AuditAction.DRAFT_SAVED;
    audit.append(c, actor, action, draft.id(), revision, null);
    return new DraftSaveOutcome.Saved(
        draft.id(), revision, Instant.ofEpochMilli(now), current == 0);
  }

  /** Binds parameters 1..6: form_id, form_version, status, patient_name, pinfl, search_text. */
  private static void bindMetadata(PreparedStatement ps, DraftWrite d, String search)
      throws SQLException {
    ps.setString(1, d.formId());
    ps.setString(2, d.formVersion());
    ps.setString(3, d.status().code());
    ps.setString(4, d.patientName());
    ps.setString(5, d.pinfl());
    ps.setString(6, search);
  }

  /** The draft's current revision, 0 if it does not exist. */
  private static long currentRevision(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM draft WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** The draft with its body, deleted or not. */
  public Optional<Draft> find(String id) {
    DraftWrite.requireId(id);
    try {
      return db.read(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT "
                        + SUMMARY_COLUMNS
                        + ", b.response_json FROM draft d"
                        + " JOIN draft_body b ON b.draft_id = d.id WHERE d.id = ?")) {
              ps.setString(1, id);
              try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                  return Optional.empty();
                }
                DraftSummary s = summary(rs);
                return Optional.of(
                    new Draft(
                        s.id(),
                        s.formId(),
                        s.formVersion(),
                        s.status(),
                        s.patientName(),
                        s.pinfl(),
                        rs.getString("response_json"),
                        s.created(),
                        s.updated(),
                        s.deletedAt(),
                        s.revision()));
              }
            }
          });
    } catch (SQLException e) {
      throw new StoreException("reading a draft failed: " + SqliteErrors.describe(e), e);
    }
  }

  /** One page of the draft list (metadata only). */
  public List<DraftSummary> list(DraftQuery query) {
    StringBuilder sql =
        new StringBuilder("SELECT " + SUMMARY_COLUMNS + " FROM draft d WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (!query.includeDeleted()) {
      sql.append(" AND d.deleted_at IS NULL");
    }
    String needle = SearchText.fold(query.text());
    if (!needle.isEmpty()) {
      sql.append(" AND instr(d.search_text, ?) > 0");
      args.add(needle);
    }
    if (!query.statuses().isEmpty()) {
      sql.append(" AND d.status IN (");
      String sep = "";
      for (DraftStatus s : query.statuses()) {
        sql.append(sep).append('?');
        args.add(s.code());
        sep = ", ";
      }
      sql.append(')');
    }
    sql.append(" ORDER BY ").append(query.sort().orderBy()).append(" LIMIT ? OFFSET ?");
    args.add(query.limit());
    args.add(query.offset());
    try {
      return db.read(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
              for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
              }
              List<DraftSummary> rows = new ArrayList<>();
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  rows.add(summary(rs));
                }
              }
              return rows;
            }
          });
    } catch (SQLException e) {
      throw new StoreException("listing drafts failed: " + SqliteErrors.describe(e), e);
    }
  }

  /** Moves a draft to the trash; it stays restorable. */
  public DraftChangeOutcome softDelete(String id, Actor actor) {
    return changeDeleted(id, true, actor);
  }

  /** Takes a draft out of the trash. */
  public DraftChangeOutcome restore(String id, Actor actor) {
    return changeDeleted(id, false, actor);
  }

  private DraftChangeOutcome changeDeleted(String id, boolean delete, Actor actor) {
    DraftWrite.requireId(id);
    try {
      return db.write(
          c -> {
            long revision;
            boolean deleted;
            try (PreparedStatement ps =
                c.prepareStatement("SELECT revision, deleted_at FROM draft WHERE id = ?")) {
              ps.setString(1, id);
              try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                  return new DraftChangeOutcome.NotFound(id);
                }
                revision = rs.getLong(1);
                rs.getLong(2);
                deleted = !rs.wasNull();
              }
            }
            if (deleted == delete) {
              return new DraftChangeOutcome.Unchanged(id, revision);
            }
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE draft SET deleted_at = ?, revision = revision + 1 WHERE id = ?")) {
              if (delete) {
                ps.setLong(1, clock.millis());
              } else {
                ps.setNull(1, java.sql.Types.INTEGER);
              }
              ps.setString(2, id);
              ps.executeUpdate();
            }
            AuditAction action = delete ? AuditAction.DRAFT_DELETED : AuditAction.DRAFT_RESTORED;
            audit.append(c, actor, action, id, revision + 1, null);
            return new DraftChangeOutcome.Changed(id, revision + 1);
          });
    } catch (SQLException e) {
      return new DraftChangeOutcome.Failed(id, SqliteErrors.writeFailure(e));
    }
  }

  private static DraftSummary summary(ResultSet rs) throws SQLException {
    String code = rs.getString("status");
    DraftStatus status =
        DraftStatus.fromCode(code)
            .orElseThrow(() -> new SQLException("unknown draft status code " + code));
    long deletedAt = rs.getLong("deleted_at");
    Optional<Instant> deleted =
        rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(deletedAt));
    return new DraftSummary(
        rs.getString("id"),
        rs.getString("form_id"),
        rs.getString("form_version"),
        status,
        rs.getString("patient_name"),
        rs.getString("pinfl"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        deleted,
        rs.getLong("revision"));
  }
}
