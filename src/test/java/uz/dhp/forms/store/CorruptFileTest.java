package uz.dhp.forms.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.store.StoreOpenOutcome.Reasons;
import uz.dhp.forms.store.StoreOpenOutcome.RecoveredFromCorruption;
import uz.dhp.forms.support.ManualClock;

/**
 * Damaged files are detected, moved aside byte-for-byte with their WAL, and replaced by a working
 * empty store; the user is told why.
 */
class CorruptFileTest {

  @TempDir Path dir;
  final ManualClock clock = new ManualClock();
  Path file;

  @BeforeEach
  void populatedStore() {
    file = dir.resolve("dhp-forms.db");
    try (Store store = Stores.open(dir, clock)) {
      for (int i = 1; i <= 6; i++) {
        store
            .drafts()
            .upsert(
                Stores.draft(
                    Stores.id(i), "Patient " + i, "3121008800000" + i, "{\"n\":" + i + "}"),
                Actor.SYSTEM);
      }
    }
    assertThat(dir.resolve("dhp-forms.db-wal")).doesNotExist(); // checkpointed on close
  }

  @Test
  void overwrittenHeaderIsNotADatabase() throws Exception {
    overwrite(0, randomBytes(100, 1));
    expectRecovered(Reasons.NOT_A_DATABASE);
  }

  @Test
  void bytesOverwrittenInTheMiddleOfABtreePageFailTheIntegrityCheck() throws Exception {
    int pageSize = pageSize();
    int root = rootPage("draft");
    // The second half of the table's leaf page holds the cells (rows) themselves.
    overwrite((long) (root - 1) * pageSize + pageSize / 2, randomBytes(pageSize / 2, 2));
    RecoveredFromCorruption r = expectRecovered(Reasons.DAMAGED);
    assertThat(r.detail()).startsWith("integrity_check");
  }

  @Test
  void overwrittenIndexPageIsFoundByTheFullIntegrityCheck() throws Exception {
    int pageSize = pageSize();
    int root = rootPage("draft_updated_idx");
    overwrite((long) (root - 1) * pageSize + pageSize / 2, randomBytes(pageSize / 2, 3));
    expectRecovered(Reasons.DAMAGED);
  }

  @Test
  void truncatedFileIsDamaged() throws Exception {
    long size = Files.size(file);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size / 2 + 100);
    }
    expectRecovered(Reasons.DAMAGED);
  }

  @Test
  void fileTruncatedInsideTheHeaderIsNotADatabase() throws Exception {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(60);
    }
    RecoveredFromCorruption r = expectRecovered(null);
    assertThat(r.reasonKey()).isIn(Reasons.NOT_A_DATABASE, Reasons.DAMAGED);
  }

  @Test
  void aTextFileIsNotADatabase() throws Exception {
    Files.writeString(file, "Patient list\nnot a database\n".repeat(50), StandardCharsets.UTF_8);
    expectRecovered(Reasons.NOT_A_DATABASE);
  }

  @Test
  void aDatabaseOfANewerAppVersionIsMovedAside() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 99");
    }
    expectRecovered(Reasons.NEWER_VERSION);
  }

  @Test
  void anotherProgramsDatabaseIsMovedAside() throws Exception {
    Files.delete(file);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
    }
    expectRecovered(Reasons.FOREIGN);
  }

  @Test
  void anEmptyFileIsTreatedAsANewStore() throws Exception {
    Files.write(file, new byte[0]);
    try (Store store = Stores.open(dir, clock)) {
      assertThat(store.audit().recent(1).get(0).action()).isEqualTo(AuditAction.STORE_CREATED);
    }
  }

  @Test
  void aMovedAsideFileKeepsItsWalUnreplayedUnderTheMatchingName() throws Exception {
    Path copy = copyOfLiveStore(store -> setUserVersion(store, 99));
    byte[] main = Files.readAllBytes(copy.resolve("dhp-forms.db"));
    byte[] wal = Files.readAllBytes(copy.resolve("dhp-forms.db-wal"));
    assertThat(wal).isNotEmpty();

    StoreOpenOutcome outcome = new StoreOpener(clock).open(copy);

    assertThat(outcome).isInstanceOf(RecoveredFromCorruption.class);
    RecoveredFromCorruption r = (RecoveredFromCorruption) outcome;
    r.store().close();
    assertThat(r.reasonKey()).isEqualTo(Reasons.NEWER_VERSION); // seen through the WAL
    assertThat(Files.readAllBytes(r.movedAside())).isEqualTo(main);
    assertThat(Files.readAllBytes(Path.of(r.movedAside() + "-wal"))).isEqualTo(wal);
  }

  @Test
  void aDamagedHeaderWhoseNewerCopyIsInTheWalIsRepairedBySqliteNotMovedAside() throws Exception {
    Path copy = copyOfLiveStore(store -> {});
    try (RandomAccessFile raf = new RandomAccessFile(copy.resolve("dhp-forms.db").toFile(), "rw")) {
      raf.write(randomBytes(100, 4));
    }
    try (Store store = Stores.open(copy, clock)) {
      assertThat(store.drafts().find(Stores.id(1))).isPresent();
    }
  }

  /** Copies db, -wal and -shm of an open store, as a crash would leave them. */
  private Path copyOfLiveStore(java.util.function.Consumer<Store> beforeCopy) throws Exception {
    Path live = dir.resolve("live");
    Path copy = dir.resolve("copy");
    Files.createDirectories(copy);
    try (Store store = Stores.open(live, clock)) {
      store.drafts().upsert(Stores.draft(Stores.id(1), "A", "", "{}"), Actor.SYSTEM);
      beforeCopy.accept(store);
      for (String name : new String[] {"dhp-forms.db", "dhp-forms.db-wal", "dhp-forms.db-shm"}) {
        Files.copy(live.resolve(name), copy.resolve(name));
      }
    }
    return copy;
  }

  private static void setUserVersion(Store store, int version) {
    try {
      store
          .database()
          .write(
              c -> {
                try (Statement s = c.createStatement()) {
                  s.execute("PRAGMA user_version = " + version);
                }
                return null;
              });
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void twoRecoveriesInTheSameSecondDoNotOverwriteEachOther() throws Exception {
    overwrite(0, randomBytes(100, 5));
    Path first = expectRecovered(Reasons.NOT_A_DATABASE).movedAside();
    overwrite(0, randomBytes(100, 6));
    Path second = expectRecovered(Reasons.NOT_A_DATABASE).movedAside();
    assertThat(second).isNotEqualTo(first);
    assertThat(first).exists();
  }

  /**
   * Opens the damaged store and checks: recovered, the old bytes kept aside unchanged, the new
   * store works and its audit log says why.
   */
  private RecoveredFromCorruption expectRecovered(String reasonKey) throws Exception {
    byte[] damaged = Files.readAllBytes(file);
    StoreOpenOutcome outcome = new StoreOpener(clock).open(dir);
    assertThat(outcome).isInstanceOf(RecoveredFromCorruption.class);
    RecoveredFromCorruption r = (RecoveredFromCorruption) outcome;
    try (Store store = r.store()) {
      if (reasonKey != null) {
        assertThat(r.reasonKey()).isEqualTo(reasonKey);
      }
      assertThat(r.movedAside().getFileName().toString())
          .matches("dhp-forms\\.damaged-20261126T080000Z(-\\d+)?\\.db");
      assertThat(Files.readAllBytes(r.movedAside())).isEqualTo(damaged);
      assertThat(store.drafts().list(DraftQuery.recent())).isEmpty();
      assertThat(store.drafts().upsert(Stores.draft(Stores.id(9), "B", "", "{}"), Actor.SYSTEM))
          .isInstanceOf(DraftSaveOutcome.Saved.class);
      AuditEntry recovered = store.audit().recent(10).get(1);
      assertThat(recovered.action()).isEqualTo(AuditAction.STORE_RECOVERED);
      assertThat(recovered.reasonKey()).contains(r.reasonKey());
    }
    return r;
  }

  private void overwrite(long offset, byte[] bytes) throws Exception {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      raf.write(bytes);
    }
  }

  private static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private int pageSize() throws Exception {
    return Integer.parseInt(query("PRAGMA page_size"));
  }

  private int rootPage(String name) throws Exception {
    return Integer.parseInt(
        query("SELECT rootpage FROM sqlite_schema WHERE name = '" + name + "'"));
  }

  private String query(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  @SuppressWarnings("unused")
  private static String hex(byte[] b) {
    return Arrays.toString(b);
  }
}
