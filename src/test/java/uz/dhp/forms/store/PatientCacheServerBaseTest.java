package uz.dhp.forms.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.store.Inspection.IntegrityCheck;
import uz.dhp.forms.support.ManualClock;

/**
 * The schema step that records where a cached patient came from: copies cached before it keep their
 * data but no server, so no document names them as a server's patient until looked up again.
 */
class PatientCacheServerBaseTest {

  @TempDir Path dir;
  final ManualClock clock = new ManualClock();

  @Test
  void aCopyCachedBeforeTheStepHasNoServerAndIsTrustedAgainOnceLookedUpAgain() throws Exception {
    List<Migration> before =
        Schema.MIGRATIONS.subList(0, Schema.MIGRATIONS.indexOf(Schema.PATIENT_CACHE_SERVER_BASE));
    StoreOpenOutcome old = new StoreOpener(clock, before, IntegrityCheck.FULL).open(dir);
    try (Store store = ((StoreOpenOutcome.Opened) old).store()) {
      store
          .database()
          .write(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "INSERT INTO patient_cache (pinfl, server_id, resource_json, fetched_at)"
                            + " VALUES ('31204909999995', 'old-1', '{}', 0)")) {
                  return ps.executeUpdate();
                }
              });
    }

    try (Store store = Stores.open(dir, clock)) {
      CachedPatient migrated = store.patientCache().find("31204909999995").orElseThrow();
      assertThat(migrated.serverId()).isEqualTo("old-1");
      assertThat(migrated.resourceJson()).isEqualTo("{}");
      assertThat(migrated.serverBase()).isEmpty();
      assertThat(migrated.cameFrom("http://127.0.0.1:8085/fhir")).isFalse();
      assertThat(migrated.cameFrom("")).isFalse();

      store
          .patientCache()
          .put("31204909999995", "new-2", "http://127.0.0.1:8085/fhir", "{\"a\":1}");
      assertThat(
              store
                  .patientCache()
                  .find("31204909999995")
                  .orElseThrow()
                  .cameFrom("http://127.0.0.1:8085/fhir"))
          .isTrue();
    }
  }
}
