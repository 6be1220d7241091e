package uz.dhp.forms.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.support.ManualClock;

/** Documents and the outbox on a real SQLite file. */
class OutboxRepositoryTest {

  @TempDir Path dir;

  private final ManualClock clock = new ManualClock();

  static DocumentWrite doc(int n) {
    return new DocumentWrite(
        Stores.id(n),
        "draft-" + n,
        "form-003",
        new BundleIdentifier("urn:ietf:rfc:3986", "urn:uuid:" + Stores.id(1000 + n)),
        "urn:uuid:" + Stores.id(2000 + n),
        1,
        "final",
        false,
        ("{\"resourceType\":\"Bundle\",\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void storingADocumentQueuesItInTheSameTransactionWithItsExactBytes() {
    try (Store store = Stores.open(dir, clock)) {
      DocumentWrite d = doc(1);
      DocumentSaveOutcome out = store.documents().storeAndQueue(d, Actor.SYSTEM);

      assertThat(out).isInstanceOf(DocumentSaveOutcome.Queued.class);
      StoredDocument stored = store.documents().find(d.id()).orElseThrow();
      assertThat(stored.bytes()).isEqualTo(d.bytes());
      assertThat(stored.sha256()).isEqualTo(DocumentRepository.sha256(d.bytes()));
      assertThat(store.documents().findByBundleIdentifier(d.bundleIdentifier())).contains(stored);
      OutboxEntry e = store.outbox().find(d.id()).orElseThrow();
      assertThat(e.state()).isEqualTo(OutboxState.QUEUED);
      assertThat(e.attempts()).isZero();
      assertThat(e.bundleIdentifier()).isEqualTo(d.bundleIdentifier());
      assertThat(store.outbox().counts()).isEqualTo(new OutboxCounts(1, 0, 0, 0, 0));
      assertThat(store.audit().forDraft(d.draftId()))
          .extracting(AuditEntry::action)
          .containsExactly(AuditAction.DOCUMENT_QUEUED);
    }
  }

  @Test
  void aBundleIdentifierIsNeverStoredTwice() {
    try (Store store = Stores.open(dir, clock)) {
      DocumentWrite d = doc(1);
      store.documents().storeAndQueue(d, Actor.SYSTEM);
      DocumentWrite sameIdentifier =
          new DocumentWrite(
              Stores.id(99),
              "x",
              "form-003",
              d.bundleIdentifier(),
              null,
              2,
              "final",
              true,
              new byte[] {1});

      assertThat(store.documents().storeAndQueue(sameIdentifier, Actor.SYSTEM))
          .isInstanceOf(DocumentSaveOutcome.Duplicate.class);
      assertThat(store.documents().find(Stores.id(99))).isEmpty();
      assertThat(store.outbox().counts().total()).isEqualTo(1);
    }
  }

  @Test
  void documentsAreImmutableAndNeitherDocumentsNorOutboxRowsCanBeDeleted() {
    try (Store store = Stores.open(dir, clock)) {
      DocumentWrite d = doc(1);
      store.documents().storeAndQueue(d, Actor.SYSTEM);
      for (String sql :
          new String[] {
            "UPDATE document SET bytes = x'00'", "DELETE FROM document", "DELETE FROM outbox"
          }) {
        assertThatThrownBy(
                () ->
                    store
                        .database()
                        .write(
                            c -> {
                              try (Statement s = c.createStatement()) {
                                return s.executeUpdate(sql);
                              }
                            }))
            .as(sql)
            .isInstanceOf(SQLException.class);
      }
      assertThat(store.documents().find(d.id()).orElseThrow().bytes()).isEqualTo(d.bytes());
    }
  }

  @Test
  void theStateMachineAcceptsResultsOnlyForARowThatIsSending() {
    try (Store store = Stores.open(dir, clock)) {
      DocumentWrite d = doc(1);
      store.documents().storeAndQueue(d, Actor.SYSTEM);
      OutboxRepository outbox = store.outbox();

      assertThat(outbox.markSent(d.id(), "1", "Bundle/1", 201))
          .isInstanceOf(OutboxUpdate.NotApplicable.class);
      OutboxEntry claimed = outbox.claimNextDue().orElseThrow();
      assertThat(claimed.state()).isEqualTo(OutboxState.SENDING);
      assertThat(claimed.attempts()).isEqualTo(1);
      assertThat(outbox.claimNextDue()).as("nothing else due").isEmpty();
      assertThat(outbox.inFlight()).extracting(OutboxEntry::documentId).containsExactly(d.id());

      Instant later = clock.instant().plus(Duration.ofMinutes(5));
      var retry = outbox.markRetry(d.id(), later, "sync.retry.timeout", "timeout", 0);
      assertThat(retry).isInstanceOf(OutboxUpdate.Applied.class);
      OutboxEntry waiting = ((OutboxUpdate.Applied) retry).entry();
      assertThat(waiting.state()).isEqualTo(OutboxState.WAITING_RETRY);
      assertThat(waiting.httpStatus()).isEmpty();
      assertThat(outbox.claimNextDue()).as("not due before its time").isEmpty();
      assertThat(outbox.nextDue()).contains(later);

      clock.advance(Duration.ofMinutes(5));
      assertThat(outbox.claimNextDue().orElseThrow().attempts()).isEqualTo(2);
      var rejected =
          outbox.markRejected(d.id(), 422, "sync.rejected.unprocessable", "HTTP 422", "{}");
      assertThat(((OutboxUpdate.Applied) rejected).entry().state()).isEqualTo(OutboxState.REJECTED);
      assertThat(outbox.markSent(d.id(), "1", "Bundle/1", 201))
          .as("a late answer cannot overwrite a final state")
          .isInstanceOf(OutboxUpdate.NotApplicable.class);

      assertThat(outbox.retryNow(d.id())).isInstanceOf(OutboxUpdate.Applied.class);
      assertThat(outbox.claimNextDue()).isPresent();
      var sent = outbox.markSent(d.id(), "42", "http://x/fhir/Bundle/42/_history/1", 201);
      OutboxEntry done = ((OutboxUpdate.Applied) sent).entry();
      assertThat(done.state()).isEqualTo(OutboxState.SENT);
      assertThat(done.serverId()).contains("42");
      assertThat(done.sentAt()).contains(clock.instant());
      assertThat(done.lastErrorKey()).isEmpty();
      assertThat(done.attempts()).isEqualTo(3);
      assertThat(outbox.retryNow(d.id())).isInstanceOf(OutboxUpdate.NotApplicable.class);
    }
  }

  @Test
  void rowsLeftSendingByACrashSurviveAReopenAndCanBeRequeued() {
    DocumentWrite d = doc(1);
    try (Store store = Stores.open(dir, clock)) {
      store.documents().storeAndQueue(d, Actor.SYSTEM);
      store.outbox().claimNextDue();
    }
    try (Store store = Stores.open(dir, clock)) {
      assertThat(store.outbox().inFlight()).hasSize(1);
      assertThat(store.outbox().requeueInFlight(d.id())).isInstanceOf(OutboxUpdate.Applied.class);
      OutboxEntry e = store.outbox().find(d.id()).orElseThrow();
      assertThat(e.state()).isEqualTo(OutboxState.QUEUED);
      assertThat(e.attempts()).as("the interrupted attempt still counts").isEqualTo(1);
    }
  }

  @Test
  void sendNowMakesEveryWaitingRowDueInQueueOrder() {
    try (Store store = Stores.open(dir, clock)) {
      for (int i = 1; i <= 3; i++) {
        store.documents().storeAndQueue(doc(i), Actor.SYSTEM);
        OutboxEntry c = store.outbox().claimNextDue().orElseThrow();
        store
            .outbox()
            .markRetry(
                c.documentId(),
                clock.instant().plus(Duration.ofHours(i)),
                "sync.retry.offline",
                "x",
                0);
      }
      assertThat(store.outbox().claimNextDue()).isEmpty();

      assertThat(store.outbox().retryAllNow()).isEqualTo(3);

      assertThat(store.outbox().claimNextDue().orElseThrow().documentId()).isEqualTo(Stores.id(1));
      assertThat(store.outbox().pending()).hasSize(3);
      assertThat(store.outbox().list(10, 0))
          .extracting(OutboxEntry::documentId)
          .containsExactly(Stores.id(3), Stores.id(2), Stores.id(1));
    }
  }

  @Test
  void errorKeysMustBeSyncMessageKeys() {
    try (Store store = Stores.open(dir, clock)) {
      store.documents().storeAndQueue(doc(1), Actor.SYSTEM);
      store.outbox().claimNextDue();
      assertThat(
              store.outbox().markRetry(Stores.id(1), clock.instant(), "Patient Name 12345", "x", 0))
          .isInstanceOf(OutboxUpdate.Failed.class);
    }
  }

  @Test
  void patientCacheKeepsTheLatestCopy() {
    try (Store store = Stores.open(dir, clock)) {
      store.patientCache().put("12345678901234", "p1", "http://127.0.0.1:8085/fhir", "{\"a\":1}");
      clock.advance(Duration.ofMinutes(1));
      store.patientCache().put("12345678901234", "p2", "https://dhp.example/fhir/", "{\"a\":2}");
      CachedPatient p = store.patientCache().find("12345678901234").orElseThrow();
      assertThat(p.resourceJson()).isEqualTo("{\"a\":2}");
      assertThat(p.serverId()).isEqualTo("p2");
      // The base is kept without its trailing slash and compared the same way.
      assertThat(p.serverBase()).isEqualTo("https://dhp.example/fhir");
      assertThat(p.cameFrom("https://dhp.example/fhir/")).isTrue();
      assertThat(p.cameFrom("http://127.0.0.1:8085/fhir")).isFalse();
      assertThat(p.fetched()).isEqualTo(clock.instant());
      assertThat(store.patientCache().find("00000000000000")).isEmpty();
    }
  }
}
