package uz.dhp.forms.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The local patient index: one id per PINFL, so every form of the same patient carries the same
 * Patient identity instead of a new one each time, and the demographics last finalized.
 */
public final class PatientIndexRepository {

  private final Database db;
  private final Clock clock;

  PatientIndexRepository(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public Optional<IndexedPatient> find(String pinfl) {
    try {
      return db.read(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT pinfl, local_id, resource_json, updated_at FROM patient_index"
                        + " WHERE pinfl = ?")) {
              ps.setString(1, pinfl);
              try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                  return Optional.empty();
                }
                return Optional.of(
                    new IndexedPatient(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))));
              }
            }
          });
    } catch (SQLException e) {
      throw new StoreException("reading the patient index failed: " + SqliteErrors.describe(e), e);
    }
  }

  /**
   * The local id of the patient with this PINFL, creating the entry with {@code newId} and an empty
   * resource when there is none yet. Concurrent callers get the same id.
   */
  public String idFor(String pinfl, Supplier<String> newId) {
    String candidate = newId.get();
    try {
      return db.write(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO patient_index (pinfl, local_id, resource_json, updated_at)"
                        + " VALUES (?, ?, '{}', ?) ON CONFLICT (pinfl) DO NOTHING")) {
              ps.setString(1, pinfl);
              ps.setString(2, candidate);
              ps.setLong(3, clock.millis());
              ps.executeUpdate();
            }
            try (PreparedStatement ps =
                c.prepareStatement("SELECT local_id FROM patient_index WHERE pinfl = ?")) {
              ps.setString(1, pinfl);
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
              }
            }
          });
    } catch (SQLException e) {
      throw new StoreException("writing the patient index failed: " + SqliteErrors.describe(e), e);
    }
  }

  /** Records the demographics of a finalized document; keeps the patient's local id. */
  public StoreWriteOutcome remember(String pinfl, String localId, String resourceJson) {
    try {
      db.write(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO patient_index (pinfl, local_id, resource_json, updated_at)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (pinfl) DO UPDATE SET"
                        + " resource_json = excluded.resource_json,"
                        + " updated_at = excluded.updated_at")) {
              ps.setString(1, pinfl);
              ps.setString(2, localId);
              ps.setString(3, resourceJson);
              ps.setLong(4, clock.millis());
              return ps.executeUpdate();
            }
          });
      return new StoreWriteOutcome.Written();
    } catch (SQLException e) {
      return new StoreWriteOutcome.Failed(SqliteErrors.writeFailure(e));
    }
  }
}
