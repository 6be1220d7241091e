package uz.dhp.forms.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.store.DraftSaveOutcome.Saved;
import uz.dhp.forms.support.ManualClock;

class DraftRepositoryTest {

  @TempDir Path dir;
  final ManualClock clock = new ManualClock();
  final Actor nurse = new Actor("nurse-01");
  Store store;
  DraftRepository drafts;

  @BeforeEach
  void open() {
    store = Stores.open(dir, clock);
    drafts = store.drafts();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void firstSaveCreatesRevisionOneAndLaterSavesIncrementIt() {
    String id = Stores.id(1);
    Saved first = saved(drafts.upsert(Stores.draft(id, "Aliyev Vali", "", "{\"v\":1}"), nurse));
    clock.advance(Duration.ofMinutes(1));
    Saved second = saved(drafts.upsert(Stores.draft(id, "Aliyev Vali", "", "{\"v\":2}"), nurse));

    assertThat(first.revision()).isEqualTo(1);
    assertThat(first.created()).isTrue();
    assertThat(second.revision()).isEqualTo(2);
    assertThat(second.created()).isFalse();
    Draft d = drafts.find(id).orElseThrow();
    assertThat(d.responseJson()).isEqualTo("{\"v\":2}");
    assertThat(d.revision()).isEqualTo(2);
    assertThat(d.created()).isEqualTo(first.updated());
    assertThat(d.updated()).isEqualTo(second.updated()).isAfter(d.created());
    assertThat(d.deleted()).isFalse();
  }

  @Test
  void findReturnsEverythingThatWasWrittenIncludingNonAsciiJson() {
    String json =
        "{\"name\":\"Ўлмасбой Ғуломов\",\"note\":\"oʻgʻil — 3 kg\",\"emoji\":\"\uD83D\uDE00\"}";
    DraftWrite w =
        new DraftWrite(
            Stores.id(2),
            "form-096",
            "2.1",
            DraftStatus.COMPLETED,
            "Ғуломов Ў.",
            "31210088000012",
            json);
    drafts.upsert(w, nurse);
    Draft d = drafts.find(Stores.id(2)).orElseThrow();
    assertThat(d.formId()).isEqualTo("form-096");
    assertThat(d.formVersion()).isEqualTo("2.1");
    assertThat(d.status()).isEqualTo(DraftStatus.COMPLETED);
    assertThat(d.patientName()).isEqualTo("Ғуломов Ў.");
    assertThat(d.pinfl()).isEqualTo("31210088000012");
    assertThat(d.responseJson()).isEqualTo(json);
    assertThat(drafts.find(Stores.id(3))).isEmpty();
  }

  @Test
  void expectedRevisionGuardsAgainstLostUpdates() {
    String id = Stores.id(1);
    assertThat(drafts.upsert(Stores.draft(id, "A", "", "{}"), 0, nurse)).isInstanceOf(Saved.class);
    assertThat(drafts.upsert(Stores.draft(id, "A", "", "{\"x\":1}"), 0, nurse))
        .isEqualTo(new DraftSaveOutcome.Conflict(id, 0, 1));
    assertThat(saved(drafts.upsert(Stores.draft(id, "A", "", "{\"x\":2}"), 1, nurse)).revision())
        .isEqualTo(2);
    assertThat(drafts.upsert(Stores.draft(id, "A", "", "{\"x\":3}"), 1, nurse))
        .isEqualTo(new DraftSaveOutcome.Conflict(id, 1, 2));
    assertThat(drafts.find(id).orElseThrow().responseJson()).isEqualTo("{\"x\":2}");
  }

  @Test
  void searchIsCaseInsensitiveForLatinAndCyrillicAndCoversNamePinflAndForm() {
    save(1, "ҒУЛОМОВ Ўлмас", "31210088000012", "form-003");
    save(2, "Gʻulomov Oʻlmas", "41506912345678", "form-003");
    save(3, "Петров Пётр", "", "form-096");
    save(4, "Karimova Dilnoza", "", "form-096");

    assertThat(ids("ғулом")).containsExactly(Stores.id(1));
    assertThat(ids("G'ULOMOV")).containsExactly(Stores.id(2)); // ASCII apostrophe finds ʻ
    assertThat(ids("пётр")).containsExactly(Stores.id(3));
    assertThat(ids("ПЕТР")).containsExactly(Stores.id(3)); // ё and е alike
    assertThat(ids("0880000")).containsExactly(Stores.id(1));
    assertThat(ids("FORM-096")).containsExactlyInAnyOrder(Stores.id(3), Stores.id(4));
    assertThat(ids("  karimova   dilnoza ")).containsExactly(Stores.id(4));
    assertThat(ids("")).hasSize(4);
    assertThat(ids("nobody")).isEmpty();
    // A query cannot match across two fields.
    assertThat(ids("dilnoza form")).isEmpty();
    // LIKE wildcards are plain characters here.
    assertThat(ids("%")).isEmpty();
  }

  @Test
  void listSortsByUpdatedOrCreatedInBothDirections() {
    save(1, "A", "", "f"); // created first
    clock.advance(Duration.ofMinutes(1));
    save(2, "B", "", "f");
    clock.advance(Duration.ofMinutes(1));
    save(1, "A", "", "f"); // updated last

    DraftQuery q = DraftQuery.recent();
    assertThat(ids(q.withSort(DraftSort.UPDATED_DESC))).containsExactly(Stores.id(1), Stores.id(2));
    assertThat(ids(q.withSort(DraftSort.UPDATED_ASC))).containsExactly(Stores.id(2), Stores.id(1));
    assertThat(ids(q.withSort(DraftSort.CREATED_DESC))).containsExactly(Stores.id(2), Stores.id(1));
    assertThat(ids(q.withSort(DraftSort.CREATED_ASC))).containsExactly(Stores.id(1), Stores.id(2));
  }

  @Test
  void pagingWalksTheWholeListWithoutRepeats() {
    for (int i = 1; i <= 25; i++) {
      save(i, "P" + i, "", "f"); // all at the same instant: ties broken by id
    }
    List<String> seen = new ArrayList<>();
    for (int offset = 0; offset < 30; offset += 10) {
      seen.addAll(ids(DraftQuery.recent().withPage(10, offset)));
    }
    assertThat(seen).hasSize(25).doesNotHaveDuplicates();
  }

  @Test
  void softDeleteHidesADraftUntilRestoredAndEachStepIsARevision() {
    save(1, "A", "", "f");
    save(2, "B", "", "f");
    assertThat(drafts.softDelete(Stores.id(1), nurse))
        .isEqualTo(new DraftChangeOutcome.Changed(Stores.id(1), 2));
    assertThat(drafts.softDelete(Stores.id(1), nurse))
        .isEqualTo(new DraftChangeOutcome.Unchanged(Stores.id(1), 2));

    assertThat(ids(DraftQuery.recent())).containsExactly(Stores.id(2));
    assertThat(ids(DraftQuery.recent().withDeleted(true)))
        .containsExactlyInAnyOrder(Stores.id(1), Stores.id(2));
    assertThat(drafts.find(Stores.id(1)).orElseThrow().deletedAt()).contains(clock.instant());

    assertThat(drafts.restore(Stores.id(1), nurse))
        .isEqualTo(new DraftChangeOutcome.Changed(Stores.id(1), 3));
    assertThat(drafts.restore(Stores.id(1), nurse))
        .isEqualTo(new DraftChangeOutcome.Unchanged(Stores.id(1), 3));
    assertThat(ids(DraftQuery.recent())).containsExactlyInAnyOrder(Stores.id(1), Stores.id(2));
    assertThat(drafts.softDelete(Stores.id(7), nurse))
        .isEqualTo(new DraftChangeOutcome.NotFound(Stores.id(7)));
  }

  @Test
  void savingADeletedDraftKeepsTheTextAndTheDeletion() {
    save(1, "A", "", "f");
    drafts.softDelete(Stores.id(1), nurse);
    saved(drafts.upsert(Stores.draft(Stores.id(1), "A", "", "{\"late\":true}"), nurse));
    Draft d = drafts.find(Stores.id(1)).orElseThrow();
    assertThat(d.deleted()).isTrue();
    assertThat(d.responseJson()).isEqualTo("{\"late\":true}");
  }

  @Test
  void statusFilter() {
    save(1, "A", "", "f");
    drafts.upsert(
        new DraftWrite(Stores.id(2), "f", "1", DraftStatus.FINALIZED, "B", "", "{}"), nurse);
    assertThat(ids(DraftQuery.recent().withStatuses(Set.of(DraftStatus.FINALIZED))))
        .containsExactly(Stores.id(2));
    assertThat(
            ids(
                DraftQuery.recent()
                    .withStatuses(Set.of(DraftStatus.IN_PROGRESS, DraftStatus.COMPLETED))))
        .containsExactly(Stores.id(1));
  }

  @Test
  void everyDraftChangeHasItsAuditRowWithoutPatientData() throws Exception {
    String id = Stores.id(1);
    drafts.upsert(
        Stores.draft(id, "Secret Patientname", "31210088000012", "{\"secret\":1}"), nurse);
    drafts.upsert(
        Stores.draft(id, "Secret Patientname", "31210088000012", "{\"secret\":2}"), nurse);
    drafts.softDelete(id, nurse);
    drafts.restore(id, Actor.SYSTEM);

    List<AuditEntry> log = store.audit().forDraft(id);
    assertThat(log)
        .extracting(AuditEntry::action)
        .containsExactly(
            AuditAction.DRAFT_CREATED,
            AuditAction.DRAFT_SAVED,
            AuditAction.DRAFT_DELETED,
            AuditAction.DRAFT_RESTORED);
    assertThat(log).extracting(e -> e.revision().getAsLong()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(log)
        .extracting(AuditEntry::actor)
        .containsExactly(nurse, nurse, nurse, Actor.SYSTEM);
    assertThat(auditTableText()).doesNotContain("Secret", "31210088000012", "secret");
  }

  @Test
  void aFailedWriteIsAValueAndLeavesThePreviousRevisionAndNoAuditRow() throws Exception {
    String id = Stores.id(1);
    saved(drafts.upsert(Stores.draft(id, "A", "", "{\"v\":1}"), nurse));
    int auditRows = store.audit().recent(1000).size();
    // A real SQLITE_FULL: cap the file at its current size.
    store.database().read(c -> c.createStatement().execute("PRAGMA max_page_count = 1"));
    // (max_page_count cannot go below the current size; SQLite clamps it to the current count.)

    DraftSaveOutcome outcome =
        drafts.upsert(
            Stores.draft(id, "A", "", "{\"big\":\"" + "x".repeat(200_000) + "\"}"), nurse);

    assertThat(outcome).isInstanceOf(DraftSaveOutcome.Failed.class);
    assertThat(((DraftSaveOutcome.Failed) outcome).failure().reasonKey())
        .isEqualTo(StoreFailure.DISK_FULL);
    Draft d = drafts.find(id).orElseThrow();
    assertThat(d.revision()).isEqualTo(1);
    assertThat(d.responseJson()).isEqualTo("{\"v\":1}");
    assertThat(store.audit().recent(1000)).hasSize(auditRows);
  }

  @Test
  void theListQueryWalksTheSortIndexInsteadOfSorting() throws Exception {
    for (DraftSort sort : DraftSort.values()) {
      String plan =
          store
              .database()
              .read(
                  c -> {
                    StringBuilder out = new StringBuilder();
                    try (Statement s = c.createStatement();
                        ResultSet rs =
                            s.executeQuery(
                                "EXPLAIN QUERY PLAN SELECT id FROM draft d"
                                    + " WHERE d.deleted_at IS NULL AND instr(d.search_text, 'x') > 0"
                                    + " ORDER BY "
                                    + sort.orderBy()
                                    + " LIMIT 200")) {
                      while (rs.next()) {
                        out.append(rs.getString("detail")).append('\n');
                      }
                    }
                    return out.toString();
                  });
      assertThat(plan).as(sort.name()).contains("USING INDEX").doesNotContain("TEMP B-TREE");
    }
  }

  @Test
  void concurrentSavesFromBackgroundThreadsAreAllCommittedInOrderPerDraft() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    saved(
                        drafts.upsert(
                            Stores.draft(Stores.id(thread), "T" + thread, "", "{\"i\":" + i + "}"),
                            nurse));
                    drafts.list(DraftQuery.recent());
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    for (int t = 0; t < 4; t++) {
      Draft d = drafts.find(Stores.id(t)).orElseThrow();
      assertThat(d.revision()).isEqualTo(25);
      assertThat(d.responseJson()).isEqualTo("{\"i\":24}");
    }
  }

  @Test
  void invalidInputIsAProgrammingErrorNotAStoreFailure() {
    assertThatThrownBy(() -> Stores.draft("not-a-uuid", "A", "", "{}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Actor("Aliyev Vali")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> drafts.find("x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aClosedStoreRefusesCalls() {
    store.close();
    assertThatThrownBy(() -> drafts.find(Stores.id(1))).isInstanceOf(IllegalStateException.class);
  }

  private String auditTableText() throws Exception {
    return store
        .database()
        .read(
            c -> {
              StringBuilder out = new StringBuilder();
              try (Statement s = c.createStatement();
                  ResultSet rs = s.executeQuery("SELECT * FROM audit_log")) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                  for (int i = 1; i <= n; i++) {
                    out.append(rs.getString(i)).append('|');
                  }
                }
              }
              return out.toString();
            });
  }

  private void save(int n, String name, String pinfl, String formId) {
    saved(
        drafts.upsert(
            new DraftWrite(Stores.id(n), formId, "1", DraftStatus.IN_PROGRESS, name, pinfl, "{}"),
            nurse));
  }

  private List<String> ids(String text) {
    return ids(DraftQuery.recent().withText(text));
  }

  private List<String> ids(DraftQuery q) {
    return drafts.list(q).stream().map(DraftSummary::id).toList();
  }

  private static Saved saved(DraftSaveOutcome outcome) {
    assertThat(outcome).isInstanceOf(Saved.class);
    return (Saved) outcome;
  }
}
