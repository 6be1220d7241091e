package uz.dhp.forms.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Patients looked up on the server by PINFL, with the server they came from: cached for pre-filling
 * while offline, and to reference the server's patient in documents sent to that server.
 */
public final class PatientCacheRepository {

  private final Database db;
  private final Clock clock;

  PatientCacheRepository(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Stores (or replaces) the server's copy of the patient with this PINFL.
   *
   * @param serverId the Patient's logical id on the server
   * @param serverBase the FHIR base URL of the server it was found on
   */
  public StoreWriteOutcome put(
      String pinfl, String serverId, String serverBase, String resourceJson) {
    try {
      db.write(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO patient_cache"
                        + " (pinfl, server_id, server_base, resource_json, fetched_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (pinfl) DO UPDATE SET"
                        + " server_id = excluded.server_id, server_base = excluded.server_base,"
                        + " resource_json = excluded.resource_json,"
                        + " fetched_at = excluded.fetched_at")) {
              ps.setString(1, pinfl);
              ps.setString(2, serverId);
              ps.setString(3, CachedPatient.withoutTrailingSlash(serverBase));
              ps.setString(4, resourceJson);
              ps.setLong(5, clock.millis());
              return ps.executeUpdate();
            }
          });
      return new StoreWriteOutcome.Written();
    } catch (SQLException e) {
      return new StoreWriteOutcome.Failed(SqliteErrors.writeFailure(e));
    }
  }

  public Optional<CachedPatient> find(String pinfl) {
    try {
      return db.read(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT pinfl, server_id, server_base, resource_json, fetched_at"
                        + " FROM patient_cache WHERE pinfl = ?")) {
              ps.setString(1, pinfl);
              try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                  return Optional.empty();
                }
                return Optional.of(
                    new CachedPatient(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))));
              }
            }
          });
    } catch (SQLException e) {
      throw new StoreException("reading the patient cache failed: " + SqliteErrors.describe(e), e);
    }
  }
}
