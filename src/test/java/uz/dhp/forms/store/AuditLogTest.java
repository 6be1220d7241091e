package uz.dhp.forms.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.support.ManualClock;

class AuditLogTest {

  @TempDir Path dir;
  final ManualClock clock = new ManualClock();

  @Test
  void theDatabaseRejectsUpdateAndDeleteOfAuditRows() {
    try (Store store = Stores.open(dir, clock)) {
      for (String sql :
          new String[] {"UPDATE audit_log SET actor = 'someone'", "DELETE FROM audit_log"}) {
        assertThatThrownBy(() -> exec(store, sql))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("append-only");
      }
      assertThat(store.audit().recent(10)).hasSize(1);
    }
  }

  @Test
  void reasonKeysMustLookLikeMessageKeysSoNoFreeTextFitsIn() {
    try (Store store = Stores.open(dir, clock)) {
      assertThatThrownBy(
              () ->
                  exec(
                      store,
                      "INSERT INTO audit_log (at, actor, action, reason_key)"
                          + " VALUES (1, 'system', 'store.recovered', 'store.Aliyev Vali')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("CHECK");
    }
  }

  @Test
  void thePublicApiOnlyAppendsAndReads() {
    assertThat(
            Arrays.stream(AuditLog.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName)
                .distinct()
                .sorted())
        .containsExactly("append", "forDraft", "recent");
  }

  @Test
  void appendedEventsAreReadNewestFirst() {
    try (Store store = Stores.open(dir, clock)) {
      clock.advance(java.time.Duration.ofSeconds(5));
      assertThat(store.audit().append(new Actor("admin"), AuditAction.STORE_OPENED))
          .isInstanceOf(StoreWriteOutcome.Written.class);
      AuditEntry newest = store.audit().recent(1).get(0);
      assertThat(newest.actor()).isEqualTo(new Actor("admin"));
      assertThat(newest.at()).isEqualTo(clock.instant());
      assertThat(newest.draftId()).isEmpty();
      assertThat(newest.revision()).isEmpty();
    }
  }

  private static void exec(Store store, String sql) throws SQLException {
    store
        .database()
        .write(
            c -> {
              try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
              }
            });
  }
}
