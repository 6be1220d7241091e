package uz.dhp.forms.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.store.Inspection.IntegrityCheck;
import uz.dhp.forms.store.StoreOpenOutcome.Reasons;
import uz.dhp.forms.support.ManualClock;

class MigratorTest {

  @TempDir Path dir;
  final ManualClock clock = new ManualClock();

  /** The version after this app's newest. */
  static final int NEXT = Schema.MIGRATIONS.size() + 1;

  static final Migration NEXT_OK =
      Migration.ofSql(
          NEXT,
          "add a column",
          List.of("ALTER TABLE draft ADD COLUMN clinic TEXT NOT NULL DEFAULT ''"));

  /** Creates a table and writes a row, then fails: all of it must be rolled back. */
  static final Migration NEXT_FAILING =
      Migration.ofSql(
          NEXT,
          "fails half-way",
          List.of(
              "CREATE TABLE half_done (x INTEGER)",
              "INSERT INTO half_done VALUES (1)",
              "UPDATE draft SET revision = 0")); // violates CHECK (revision > 0)

  @Test
  void aFailingMigrationLeavesTheDatabaseAtThePreviousVersionWithNothingOfItApplied()
      throws Exception {
    try (Store store = Stores.open(dir, clock)) {
      store.drafts().upsert(Stores.draft(Stores.id(1), "A", "", "{}"), Actor.SYSTEM);
    }

    StoreOpenOutcome outcome =
        new StoreOpener(clock, with(NEXT_FAILING), IntegrityCheck.FULL).open(dir);

    assertThat(outcome).isInstanceOf(StoreOpenOutcome.Unavailable.class);
    StoreOpenOutcome.Unavailable u = (StoreOpenOutcome.Unavailable) outcome;
    assertThat(u.reasonKey()).isEqualTo(Reasons.MIGRATION);
    assertThat(u.detail()).contains("version " + NEXT).contains("CHECK");
    try (Database db = Database.connect(dir.resolve("dhp-forms.db"))) {
      assertThat(Migrator.currentVersion(db)).isEqualTo(NEXT - 1);
      assertThat(tables(db)).doesNotContain("half_done");
      assertThat(revisions(db)).containsExactly(1L);
    }
    // The file was not moved aside: the old app version can still open it.
    try (Store store = Stores.open(dir, clock)) {
      assertThat(store.drafts().find(Stores.id(1))).isPresent();
    }
  }

  @Test
  void pendingMigrationsAreAppliedInOrderOnlyOnce() throws Exception {
    Stores.open(dir, clock).close();
    List<Migration> withNext = with(NEXT_OK);
    for (int i = 0; i < 2; i++) {
      StoreOpenOutcome outcome = new StoreOpener(clock, withNext, IntegrityCheck.FULL).open(dir);
      assertThat(outcome).isInstanceOf(StoreOpenOutcome.Opened.class);
      try (Store store = ((StoreOpenOutcome.Opened) outcome).store()) {
        assertThat(Migrator.currentVersion(store.database())).isEqualTo(NEXT);
      }
    }
    // Opening with the older app (knows one version less) now means "newer version": moved
    // aside.
    StoreOpenOutcome older = new StoreOpener(clock).open(dir);
    assertThat(older).isInstanceOf(StoreOpenOutcome.RecoveredFromCorruption.class);
    ((StoreOpenOutcome.RecoveredFromCorruption) older).store().close();
  }

  @Test
  void migrationsMustBeNumberedWithoutGaps() {
    assertThatThrownBy(() -> new Migrator(List.of(NEXT_OK)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Migration> with(Migration next) {
    List<Migration> all = new ArrayList<>(Schema.MIGRATIONS);
    all.add(next);
    return all;
  }

  private static List<String> tables(Database db) throws SQLException {
    return db.read(
        c -> {
          List<String> names = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type='table'")) {
            while (rs.next()) {
              names.add(rs.getString(1));
            }
          }
          return names;
        });
  }

  private static List<Long> revisions(Database db) throws SQLException {
    return db.read(
        c -> {
          List<Long> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT revision FROM draft")) {
            while (rs.next()) {
              out.add(rs.getLong(1));
            }
          }
          return out;
        });
  }
}
