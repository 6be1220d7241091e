package uz.dhp.forms.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.store.Inspection.IntegrityCheck;
import uz.dhp.forms.support.ManualClock;

/**
 * Retractions in the signing queue (schema V4) on a real SQLite file: what they retract and why is
 * kept, frozen, and at most one live retraction per signed document — also when the database is
 * written to directly; a store of the previous version is migrated with its rows intact.
 */
class RetractionStoreTest {

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();

  private static final String DRAFT = Stores.id(1);

  private static UnsignedDocumentWrite retraction(int n, String retracted, String reason) {
    return new UnsignedDocumentWrite(
        new DocumentWrite(
            Stores.id(300 + n),
            DRAFT,
            "form-003",
            new BundleIdentifier("urn:ietf:rfc:3986", "urn:uuid:" + Stores.id(3000 + n)),
            "urn:uuid:" + Stores.id(2000),
            2,
            UnsignedDocumentWrite.ENTERED_IN_ERROR,
            false,
            ("{\"resourceType\":\"Bundle\",\"retraction\":" + n + "}")
                .getBytes(StandardCharsets.UTF_8)),
        "dr-karimov",
        Optional.of(new Retraction(retracted, Optional.ofNullable(reason))));
  }

  /** A store with the draft's version 1 signed and queued; returns the signed document's id. */
  private String signedOriginal(Store store) {
    store
        .drafts()
        .upsert(Stores.draft(DRAFT, "Karimova Dilnoza", "41234567890123", "{}"), Actor.SYSTEM);
    UnsignedDocumentWrite v1 = SigningQueueRepositoryTest.unsigned(1, 1);
    store.signingQueue().keep(v1, Actor.SYSTEM);
    DocumentWrite signed = SigningQueueRepositoryTest.signedCopy(v1, 1);
    assertThat(store.signingQueue().storeSigned(v1.id(), signed, Actor.SYSTEM))
        .isInstanceOf(SigningQueueOutcome.Queued.class);
    return signed.id();
  }

  @Test
  void aRetractionKeepsWhatItRetractsAndWhyLeavesTheDraftAloneAndIsSentLikeAnyDocument() {
    try (Store store = Stores.open(dir, clock)) {
      String original = signedOriginal(store);
      long revision = store.drafts().find(DRAFT).orElseThrow().revision();
      UnsignedDocumentWrite r = retraction(1, original, "  DHP letter 5  ");

      assertThat(store.signingQueue().keep(r, Actor.SYSTEM))
          .isEqualTo(new SigningQueueOutcome.Awaiting(r.id(), List.of()));

      UnsignedDocument kept = store.signingQueue().awaiting().get(0);
      assertThat(kept.retraction()).contains(new Retraction(original, Optional.of("DHP letter 5")));
      assertThat(kept.status()).isEqualTo("entered-in-error");
      assertThat(kept.toString()).doesNotContain("DHP letter");
      assertThat(store.drafts().find(DRAFT).orElseThrow().revision()).isEqualTo(revision);
      List<AuditEntry> audit = store.audit().forDraft(DRAFT);
      assertThat(audit.get(audit.size() - 1).action()).isEqualTo(AuditAction.RETRACTION_CREATED);
      // An ordinary document is not a retraction.
      assertThat(store.signingQueue().forDraft(DRAFT))
          .filteredOn(d -> d.version() == 1)
          .singleElement()
          .satisfies(d -> assertThat(d.retraction()).isEmpty());

      DocumentWrite signed = SigningQueueRepositoryTest.signedCopy(r, 9);
      assertThat(store.signingQueue().storeSigned(r.id(), signed, Actor.SYSTEM))
          .isInstanceOf(SigningQueueOutcome.Queued.class);
      OutboxEntry queued = store.outbox().find(signed.id()).orElseThrow();
      assertThat(queued.isRetraction()).isTrue();
      assertThat(queued.documentStatus()).isEqualTo("entered-in-error");
      assertThat(store.outbox().find(original).orElseThrow().isRetraction()).isFalse();

      // Once signed, a second retraction of the same document is refused, nothing written.
      UnsignedDocumentWrite again = retraction(2, original, null);
      assertThat(store.signingQueue().keep(again, Actor.SYSTEM))
          .isEqualTo(new SigningQueueOutcome.AlreadyRetracted(again.id(), original));
      assertThat(store.signingQueue().find(again.id())).isEmpty();
    }
  }

  @Test
  void theDatabaseItselfAllowsOneLiveRetractionPerDocumentAndFreezesItsFacts() throws Exception {
    try (Store store = Stores.open(dir, clock)) {
      String original = signedOriginal(store);
      UnsignedDocumentWrite first = retraction(1, original, null);
      store.signingQueue().keep(first, Actor.SYSTEM);

      assertThatThrownBy(() -> insertRaw(store, 2, original, null))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("UNIQUE");
      // A reason without a retracted document, or a blank one, is refused by the table.
      assertThatThrownBy(() -> insertRaw(store, 3, null, "why"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("CHECK");
      assertThatThrownBy(() -> insertRaw(store, 4, original, "")).isInstanceOf(SQLException.class);
      for (String sql :
          List.of(
              "UPDATE unsigned_document SET retraction_reason = 'changed'",
              "UPDATE unsigned_document SET retracts_document_id = NULL")) {
        assertThatThrownBy(() -> execute(store, sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("immutable");
      }
      // Withdrawn (a correction replaced it before signing), it no longer blocks a new one.
      execute(
          store,
          "UPDATE unsigned_document SET state = 'withdrawn' WHERE id = '" + first.id() + "'");
      assertThat(store.signingQueue().keep(retraction(5, original, null), Actor.SYSTEM))
          .isInstanceOf(SigningQueueOutcome.Awaiting.class);
    }
  }

  @Test
  void aStoreOfThePreviousVersionIsMigratedWithItsDocumentsIntact() throws Exception {
    List<Migration> previous = Schema.MIGRATIONS.subList(0, Schema.V4.version() - 1);
    StoreOpenOutcome old = new StoreOpener(clock, previous, IntegrityCheck.FULL).open(dir);
    try (Store store = ((StoreOpenOutcome.Opened) old).store()) {
      assertThat(Migrator.currentVersion(store.database())).isEqualTo(Schema.V4.version() - 1);
      store.drafts().upsert(Stores.draft(DRAFT, "A", "", "{}"), Actor.SYSTEM);
      // The V3 columns only, as the previous app version wrote them.
      store
          .database()
          .write(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "INSERT INTO unsigned_document (id, draft_id, form_id, bundle_id_system,"
                            + " bundle_id_value, composition_id, version, status, signer_key,"
                            + " created_at, bytes, sha256, state, updated_at) VALUES"
                            + " ('u1', ?, 'form-003', 'urn:ietf:rfc:3986', 'urn:uuid:b1',"
                            + " 'urn:uuid:c1', 1, 'final', 'dr-karimov', 0, x'7b7d', 'h',"
                            + " 'awaiting', 0)")) {
                  ps.setString(1, DRAFT);
                  return ps.executeUpdate();
                }
              });
    }

    try (Store store = Stores.open(dir, clock)) {
      assertThat(Migrator.currentVersion(store.database())).isEqualTo(Schema.MIGRATIONS.size());
      UnsignedDocument kept = store.signingQueue().find("u1").orElseThrow();
      assertThat(kept.retraction()).isEmpty();
      assertThat(kept.bytes()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
      assertThat(store.signingQueue().awaitingCount()).isEqualTo(1);
      // The recreated trigger still freezes the V3 columns.
      assertThatThrownBy(() -> execute(store, "UPDATE unsigned_document SET bytes = x'00'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("immutable");
    }
  }

  @Test
  void aRetractionIsEnteredInErrorAndItsReasonShortAndNeverBlank() {
    DocumentWrite fin = SigningQueueRepositoryTest.unsigned(1, 1).document();
    assertThatThrownBy(
            () ->
                new UnsignedDocumentWrite(
                    fin, "dr", Optional.of(new Retraction("d", Optional.empty()))))
        .isInstanceOf(IllegalArgumentException.class);
    DocumentWrite error = retraction(1, "d", null).document();
    assertThatThrownBy(() -> new UnsignedDocumentWrite(error, "dr"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Retraction("d", Optional.of("   ")).reason()).isEmpty();
    assertThat(new Retraction("d", Optional.of("x".repeat(500))).reason()).isPresent();
    assertThatThrownBy(() -> new Retraction("d", Optional.of("x".repeat(501))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void insertRaw(Store store, int n, String retracted, String reason)
      throws SQLException {
    store
        .database()
        .write(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO unsigned_document (id, draft_id, form_id, bundle_id_system,"
                          + " bundle_id_value, composition_id, version, status, signer_key,"
                          + " created_at, bytes, sha256, state, updated_at, retracts_document_id,"
                          + " retraction_reason) VALUES (?, ?, 'form-003', 'urn:ietf:rfc:3986',"
                          + " ?, NULL, 2, 'entered-in-error', 'dr', 0, x'7b7d', 'h', 'awaiting',"
                          + " 0, ?, ?)")) {
                ps.setString(1, "raw-" + n);
                ps.setString(2, DRAFT);
                ps.setString(3, "urn:uuid:raw-" + n);
                ps.setString(4, retracted);
                ps.setString(5, reason);
                return ps.executeUpdate();
              }
            });
  }

  private static void execute(Store store, String sql) throws SQLException {
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
