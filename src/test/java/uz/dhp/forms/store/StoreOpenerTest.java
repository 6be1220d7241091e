package uz.dhp.forms.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.store.StoreOpenOutcome.Reasons;
import uz.dhp.forms.support.ManualClock;

class StoreOpenerTest {

  @TempDir Path tmp;
  final ManualClock clock = new ManualClock();

  @Test
  void firstStartCreatesDirectoryAndSchemaAndRecordsIt() throws Exception {
    Path dir = tmp.resolve("a/b/data");
    try (Store store = Stores.open(dir, clock)) {
      assertThat(store.databaseFile()).isEqualTo(dir.resolve("dhp-forms.db")).exists();
      assertThat(Migrator.currentVersion(store.database())).isEqualTo(Schema.MIGRATIONS.size());
      assertThat(store.database().pragma("application_id"))
          .isEqualTo(Integer.toString(Database.APPLICATION_ID));
      assertThat(store.audit().recent(10))
          .extracting(AuditEntry::action)
          .containsExactly(AuditAction.STORE_CREATED);
    }
    try (Store store = Stores.open(dir, clock)) {
      assertThat(store.audit().recent(10))
          .extracting(AuditEntry::action)
          .containsExactly(AuditAction.STORE_OPENED, AuditAction.STORE_CREATED);
    }
  }

  @Test
  void safetyPragmasAreInForceAfterOpen() throws Exception {
    try (Store store = Stores.open(tmp, clock)) {
      Database db = store.database();
      assertThat(db.pragma("journal_mode")).isEqualTo("wal");
      assertThat(db.pragma("synchronous")).isEqualTo("2");
      assertThat(db.pragma("foreign_keys")).isEqualTo("1");
      assertThat(db.pragma("secure_delete")).isEqualTo("1");
      assertThat(db.pragma("trusted_schema")).isEqualTo("0");
      assertThat(db.pragma("busy_timeout")).isEqualTo("5000");
    }
  }

  @Test
  void aSecondOpenOfTheSameDirectoryIsRefusedUntilTheFirstIsClosed() {
    Store first = Stores.open(tmp, clock);
    StoreOpenOutcome second = new StoreOpener(clock).open(tmp);
    assertThat(second).isInstanceOf(StoreOpenOutcome.Unavailable.class);
    assertThat(((StoreOpenOutcome.Unavailable) second).reasonKey()).isEqualTo(Reasons.IN_USE);
    first.close();
    Stores.open(tmp, clock).close();
  }

  @Test
  void aDataDirectoryThatIsAFileMakesTheStoreUnavailable() throws Exception {
    Path notADir = tmp.resolve("data");
    Files.writeString(notADir, "I am a file");
    StoreOpenOutcome outcome = new StoreOpener(clock).open(notADir);
    assertThat(outcome).isInstanceOf(StoreOpenOutcome.Unavailable.class);
    StoreOpenOutcome.Unavailable u = (StoreOpenOutcome.Unavailable) outcome;
    assertThat(u.reasonKey()).isEqualTo(Reasons.DIRECTORY);
    assertThat(u.directory()).isEqualTo(notADir);
    assertThat(Files.readString(notADir)).isEqualTo("I am a file");
  }

  @Test
  void aReadOnlyDirectoryMakesTheStoreUnavailableAndLeavesTheFileAlone() throws Exception {
    Path dir = tmp.resolve("data");
    Stores.open(dir, clock).close();
    byte[] before = Files.readAllBytes(dir.resolve("dhp-forms.db"));
    List<Path> filesBefore = list(dir);
    try (FilePermissions ro = FilePermissions.apply(dir)) {
      assumeTrue(ro != null, "cannot make a directory read-only here (no permissions, no chattr)");
      StoreOpenOutcome outcome = new StoreOpener(clock).open(dir);
      assertThat(outcome).isInstanceOf(StoreOpenOutcome.Unavailable.class);
      assertThat(((StoreOpenOutcome.Unavailable) outcome).reasonKey()).isEqualTo(Reasons.DIRECTORY);
    }
    assertThat(list(dir)).isEqualTo(filesBefore);
    assertThat(Files.readAllBytes(dir.resolve("dhp-forms.db"))).isEqualTo(before);
  }

  @Test
  void aReadOnlyDatabaseFileIsNotMovedAsideButReportedAsReadOnly() throws Exception {
    Path dir = tmp.resolve("data");
    Stores.open(dir, clock).close();
    Path file = dir.resolve("dhp-forms.db");
    byte[] before = Files.readAllBytes(file);
    try (FilePermissions ro = FilePermissions.apply(file)) {
      assumeTrue(ro != null, "cannot make a file read-only here (no permissions, no chattr)");
      StoreOpenOutcome outcome = new StoreOpener(clock).open(dir);
      assertThat(outcome).isInstanceOf(StoreOpenOutcome.Unavailable.class);
      assertThat(((StoreOpenOutcome.Unavailable) outcome).reasonKey()).isEqualTo(Reasons.READ_ONLY);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("damaged"));
    }
  }

  @Test
  void anOrphanWalWithoutItsDatabaseIsMovedAsideNotReplayedIntoANewDatabase() throws Exception {
    byte[] junk = "left-over WAL bytes".getBytes(StandardCharsets.US_ASCII);
    Files.write(tmp.resolve("dhp-forms.db-wal"), junk);
    try (Store store = Stores.open(tmp, clock)) {
      assertThat(store.drafts().list(DraftQuery.recent())).isEmpty();
    }
    Path aside = tmp.resolve("dhp-forms.orphan-20261126T080000Z.db-wal");
    assertThat(Files.readAllBytes(aside)).isEqualTo(junk);
  }

  private static List<Path> list(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
