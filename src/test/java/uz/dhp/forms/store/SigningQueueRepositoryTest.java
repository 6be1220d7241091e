package uz.dhp.forms.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.support.ManualClock;

/** Finalized documents awaiting signature, then signed and queued, on a real SQLite file. */
class SigningQueueRepositoryTest {

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();

  private static final String DRAFT = Stores.id(1);

  static UnsignedDocumentWrite unsigned(int n, int version) {
    return new UnsignedDocumentWrite(
        new DocumentWrite(
            Stores.id(100 + n),
            DRAFT,
            "form-003",
            new BundleIdentifier("urn:ietf:rfc:3986", "urn:uuid:" + Stores.id(1000 + n)),
            "urn:uuid:" + Stores.id(2000),
            version,
            "final",
            false,
            ("{\"resourceType\":\"Bundle\",\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8)),
        "dr-karimov");
  }

  static DocumentWrite signedCopy(UnsignedDocumentWrite unsigned, int n) {
    DocumentWrite u = unsigned.document();
    return new DocumentWrite(
        Stores.id(500 + n),
        u.draftId(),
        u.formId(),
        u.bundleIdentifier(),
        u.compositionIdentifier(),
        u.version(),
        u.status(),
        true,
        ("{\"resourceType\":\"Bundle\",\"signed\":" + n + "}").getBytes(StandardCharsets.UTF_8));
  }

  private Store openWithDraft() {
    Store store = Stores.open(dir, clock);
    store
        .drafts()
        .upsert(Stores.draft(DRAFT, "Karimova Dilnoza", "41234567890123", "{}"), Actor.SYSTEM);
    return store;
  }

  @Test
  void finalizingKeepsTheBytesMarksTheDraftAndListsItAsAwaiting() {
    try (Store store = openWithDraft()) {
      UnsignedDocumentWrite u = unsigned(1, 1);
      assertThat(store.signingQueue().keep(u, Actor.SYSTEM))
          .isEqualTo(new SigningQueueOutcome.Awaiting(u.id(), List.of()));

      List<UnsignedDocument> awaiting = store.signingQueue().awaiting();
      assertThat(awaiting).hasSize(1);
      UnsignedDocument a = awaiting.get(0);
      assertThat(a.bytes()).isEqualTo(u.bytes());
      assertThat(a.sha256()).isEqualTo(DocumentRepository.sha256(u.bytes()));
      assertThat(a.patientName()).isEqualTo("Karimova Dilnoza");
      assertThat(a.signerKey()).isEqualTo("dr-karimov");
      assertThat(a.state()).isEqualTo(UnsignedDocument.State.AWAITING);
      assertThat(store.drafts().find(DRAFT).orElseThrow().status())
          .isEqualTo(DraftStatus.FINALIZED);
      assertThat(store.signingQueue().awaitingCount()).isEqualTo(1);
      // Not queued for sending until it is signed.
      assertThat(store.outbox().pending()).isEmpty();
      assertThat(store.audit().forDraft(DRAFT))
          .extracting(AuditEntry::action)
          .contains(AuditAction.DOCUMENT_FINALIZED);
    }
  }

  @Test
  void aCorrectionBeforeSigningWithdrawsTheEarlierVersion() {
    try (Store store = openWithDraft()) {
      UnsignedDocumentWrite v1 = unsigned(1, 1);
      UnsignedDocumentWrite v2 = unsigned(2, 2);
      store.signingQueue().keep(v1, Actor.SYSTEM);
      assertThat(store.signingQueue().keep(v2, Actor.SYSTEM))
          .isEqualTo(new SigningQueueOutcome.Awaiting(v2.id(), List.of(v1.id())));
      assertThat(store.signingQueue().awaiting())
          .extracting(UnsignedDocument::id)
          .containsExactly(v2.id());
      assertThat(store.signingQueue().find(v1.id()).orElseThrow().state())
          .isEqualTo(UnsignedDocument.State.WITHDRAWN);
      // A withdrawn version can no longer be signed.
      assertThat(store.signingQueue().storeSigned(v1.id(), signedCopy(v1, 1), Actor.SYSTEM))
          .isEqualTo(
              new SigningQueueOutcome.NotAwaiting(v1.id(), UnsignedDocument.State.WITHDRAWN));
      assertThat(store.outbox().pending()).isEmpty();
    }
  }

  @Test
  void signingStoresTheSignedCopyQueuesItAndEndsTheWait() {
    try (Store store = openWithDraft()) {
      UnsignedDocumentWrite u = unsigned(1, 1);
      store.signingQueue().keep(u, Actor.SYSTEM);
      DocumentWrite signed = signedCopy(u, 1);

      SigningQueueOutcome.Signed out =
          store.signingQueue().storeSigned(u.id(), signed, Actor.SYSTEM);

      assertThat(out).isInstanceOf(SigningQueueOutcome.Queued.class);
      assertThat(store.documents().find(signed.id()).orElseThrow().bytes())
          .isEqualTo(signed.bytes());
      assertThat(store.outbox().pending())
          .extracting(OutboxEntry::documentId)
          .containsExactly(signed.id());
      UnsignedDocument after = store.signingQueue().find(u.id()).orElseThrow();
      assertThat(after.state()).isEqualTo(UnsignedDocument.State.SIGNED);
      assertThat(after.signedDocumentId()).contains(signed.id());
      assertThat(store.signingQueue().awaiting()).isEmpty();
      // Signing twice (a second click, a replayed answer) changes nothing.
      assertThat(store.signingQueue().storeSigned(u.id(), signedCopy(u, 2), Actor.SYSTEM))
          .isEqualTo(new SigningQueueOutcome.NotAwaiting(u.id(), UnsignedDocument.State.SIGNED));
      assertThat(store.outbox().pending()).hasSize(1);
    }
  }

  @Test
  void aSignedCopyOfAnotherDocumentIsRefusedAndNothingIsWritten() {
    try (Store store = openWithDraft()) {
      UnsignedDocumentWrite u = unsigned(1, 1);
      store.signingQueue().keep(u, Actor.SYSTEM);
      DocumentWrite other = signedCopy(unsigned(7, 1), 7);

      assertThat(store.signingQueue().storeSigned(u.id(), other, Actor.SYSTEM))
          .isEqualTo(new SigningQueueOutcome.NotTheSameDocument(u.id()));
      assertThat(store.documents().find(other.id())).isEmpty();
      assertThat(store.signingQueue().awaiting()).hasSize(1);
    }
  }

  @Test
  void theSameDocumentCannotBeKeptTwice() {
    try (Store store = openWithDraft()) {
      UnsignedDocumentWrite u = unsigned(1, 1);
      store.signingQueue().keep(u, Actor.SYSTEM);
      assertThat(store.signingQueue().keep(u, Actor.SYSTEM))
          .isEqualTo(new SigningQueueOutcome.DuplicateDocument(u.id()));
    }
  }

  @Test
  void keptBytesCannotBeChangedOrDeletedAndTheStateOnlyMovesForward() throws Exception {
    try (Store store = openWithDraft()) {
      UnsignedDocumentWrite u = unsigned(1, 1);
      store.signingQueue().keep(u, Actor.SYSTEM);
      store.signingQueue().storeSigned(u.id(), signedCopy(u, 1), Actor.SYSTEM);
      for (String sql :
          List.of(
              "UPDATE unsigned_document SET bytes = x'00'",
              "DELETE FROM unsigned_document",
              "UPDATE unsigned_document SET state = 'awaiting', signed_document_id = NULL")) {
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
            .isInstanceOf(java.sql.SQLException.class);
      }
      assertThat(store.signingQueue().find(u.id()).orElseThrow().bytes()).isEqualTo(u.bytes());
    }
  }

  @Test
  void thePatientIndexGivesOneIdPerPinflAndKeepsItWhenDemographicsChange() {
    try (Store store = Stores.open(dir, clock)) {
      PatientIndexRepository index = store.patientIndex();
      String first = index.idFor("41234567890123", () -> Stores.id(1));
      String again = index.idFor("41234567890123", () -> Stores.id(2));
      assertThat(again).isEqualTo(first).isEqualTo(Stores.id(1));
      assertThat(index.idFor("31234567890123", () -> Stores.id(3))).isEqualTo(Stores.id(3));

      index.remember(
          "41234567890123", first, "{\"resourceType\":\"Patient\",\"gender\":\"female\"}");
      IndexedPatient found = index.find("41234567890123").orElseThrow();
      assertThat(found.localId()).isEqualTo(first);
      assertThat(found.resourceJson()).contains("female");
      assertThat(found.toString()).doesNotContain("41234567890123");
      // Not a PINFL: refused by the table, reported, nothing stored.
      assertThat(index.remember("12ab", Stores.id(9), "{}"))
          .isInstanceOf(StoreWriteOutcome.Failed.class);
      assertThat(index.find("12ab")).isEmpty();
    }
  }
}
