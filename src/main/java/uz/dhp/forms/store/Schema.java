package uz.dhp.forms.store;

import java.util.List;

/**
 * The schema, as the ordered list of migrations that build it. Never edit a released migration;
 * append a new one.
 */
final class Schema {

  private Schema() {}

  static final Migration V1 =
      Migration.ofSql(
          1,
          "drafts, settings, audit log",
          List.of(
              "PRAGMA application_id = " + Database.APPLICATION_ID,
              // Metadata only: the list screen scans this narrow table and never touches the ~30 KB
              // bodies, which live in draft_body.
              """
              CREATE TABLE draft (
                id            TEXT    NOT NULL PRIMARY KEY,
                form_id       TEXT    NOT NULL,
                form_version  TEXT    NOT NULL,
                status        TEXT    NOT NULL,
                patient_name  TEXT    NOT NULL,
                pinfl         TEXT    NOT NULL,
                search_text   TEXT    NOT NULL,
                created_at    INTEGER NOT NULL,
                updated_at    INTEGER NOT NULL,
                deleted_at    INTEGER,
                revision      INTEGER NOT NULL CHECK (revision > 0)
              ) STRICT
              """,
              """
              CREATE TABLE draft_body (
                draft_id      TEXT NOT NULL PRIMARY KEY
                              REFERENCES draft (id) ON DELETE CASCADE,
                response_json TEXT NOT NULL
              ) STRICT
              """,
              // The list is sorted by updated or created time, newest first by default; the id
              // makes
              // the order total and lets SQLite walk the index instead of sorting.
              "CREATE INDEX draft_updated_idx ON draft (updated_at, id)",
              "CREATE INDEX draft_created_idx ON draft (created_at, id)",
              """
              CREATE TABLE setting (
                key        TEXT    NOT NULL PRIMARY KEY,
                value      TEXT    NOT NULL,
                updated_at INTEGER NOT NULL
              ) STRICT
              """,
              // No free-text column on purpose: nothing here can carry patient data. reason_key is
              // a
              // message key, checked by shape.
              """
              CREATE TABLE audit_log (
                seq        INTEGER PRIMARY KEY AUTOINCREMENT,
                at         INTEGER NOT NULL,
                actor      TEXT    NOT NULL,
                action     TEXT    NOT NULL,
                draft_id   TEXT,
                revision   INTEGER,
                reason_key TEXT CHECK (reason_key IS NULL
                                       OR (reason_key GLOB 'store.?*'
                                           AND reason_key NOT GLOB '*[^a-zA-Z.]*'))
              ) STRICT
              """,
              "CREATE INDEX audit_log_draft_idx ON audit_log (draft_id, seq)",
              """
              CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
              BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
              """,
              """
              CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
              BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
              """));

  static final Migration V2 =
      Migration.ofSql(
          2,
          "finalized documents, outbox, patient cache",
          List.of(
              // The exact bytes that were validated (and later signed) and are sent verbatim.
              // Immutable and never deleted: the triggers below refuse both.
              """
              CREATE TABLE document (
                id                    TEXT    NOT NULL PRIMARY KEY,
                draft_id              TEXT    NOT NULL,
                form_id               TEXT    NOT NULL,
                bundle_id_system      TEXT    NOT NULL,
                bundle_id_value       TEXT    NOT NULL,
                composition_id        TEXT,
                version               INTEGER NOT NULL CHECK (version > 0),
                status                TEXT    NOT NULL,
                signed                INTEGER NOT NULL CHECK (signed IN (0, 1)),
                created_at            INTEGER NOT NULL,
                bytes                 BLOB    NOT NULL,
                sha256                TEXT    NOT NULL,
                UNIQUE (bundle_id_system, bundle_id_value)
              ) STRICT
              """,
              "CREATE INDEX document_draft_idx ON document (draft_id, version)",
              """
              CREATE TRIGGER document_no_update BEFORE UPDATE ON document
              BEGIN SELECT RAISE(ABORT, 'documents are immutable'); END
              """,
              """
              CREATE TRIGGER document_no_delete BEFORE DELETE ON document
              BEGIN SELECT RAISE(ABORT, 'documents are never deleted'); END
              """,
              // One row per document; seq gives the sending order. last_error_key is a message
              // key; last_error_detail is technical text without patient data; outcome_json is the
              // server's OperationOutcome as received (shown to the user, never logged).
              """
              CREATE TABLE outbox (
                seq               INTEGER PRIMARY KEY AUTOINCREMENT,
                document_id       TEXT    NOT NULL UNIQUE REFERENCES document (id),
                state             TEXT    NOT NULL CHECK (state IN
                                    ('queued', 'sending', 'sent', 'rejected', 'waiting_retry')),
                attempts          INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                next_attempt_at   INTEGER NOT NULL,
                sending_since     INTEGER,
                last_error_key    TEXT CHECK (last_error_key IS NULL
                                              OR (last_error_key GLOB 'sync.?*'
                                                  AND last_error_key NOT GLOB '*[^a-zA-Z.]*')),
                last_error_detail TEXT,
                http_status       INTEGER,
                outcome_json      TEXT,
                server_id         TEXT,
                location          TEXT,
                sent_at           INTEGER,
                updated_at        INTEGER NOT NULL
              ) STRICT
              """,
              "CREATE INDEX outbox_due_idx ON outbox (state, next_attempt_at, seq)",
              """
              CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
              BEGIN SELECT RAISE(ABORT, 'outbox rows are never deleted'); END
              """,
              // Patients found on the server, by PINFL, for pre-filling forms while offline.
              """
              CREATE TABLE patient_cache (
                pinfl         TEXT    NOT NULL PRIMARY KEY,
                server_id     TEXT    NOT NULL,
                resource_json TEXT    NOT NULL,
                fetched_at    INTEGER NOT NULL
              ) STRICT
              """));

  static final Migration V3 =
      Migration.ofSql(
          3,
          "documents awaiting signature, local patient index",
          List.of(
              // A finalized document waits here for its signature (dhp-spec C1: only signed
              // documents are sent). Its bytes are frozen; only the state moves, and only forward:
              // awaiting -> signed (the signed copy is in document, with its outbox row) or
              // awaiting -> withdrawn (a corrected version replaced it before it was signed).
              """
              CREATE TABLE unsigned_document (
                id                  TEXT    NOT NULL PRIMARY KEY,
                draft_id            TEXT    NOT NULL,
                form_id             TEXT    NOT NULL,
                bundle_id_system    TEXT    NOT NULL,
                bundle_id_value     TEXT    NOT NULL,
                composition_id      TEXT,
                version             INTEGER NOT NULL CHECK (version > 0),
                status              TEXT    NOT NULL,
                signer_key          TEXT    NOT NULL,
                created_at          INTEGER NOT NULL,
                bytes               BLOB    NOT NULL,
                sha256              TEXT    NOT NULL,
                state               TEXT    NOT NULL CHECK (state IN
                                      ('awaiting', 'signed', 'withdrawn')),
                signed_document_id  TEXT    REFERENCES document (id),
                updated_at          INTEGER NOT NULL,
                UNIQUE (bundle_id_system, bundle_id_value),
                CHECK ((state = 'signed') = (signed_document_id IS NOT NULL))
              ) STRICT
              """,
              "CREATE INDEX unsigned_document_state_idx ON unsigned_document (state, created_at)",
              "CREATE INDEX unsigned_document_draft_idx ON unsigned_document (draft_id, version)",
              """
              CREATE TRIGGER unsigned_document_frozen
              BEFORE UPDATE OF id, draft_id, form_id, bundle_id_system, bundle_id_value,
                               composition_id, version, status, signer_key, created_at, bytes,
                               sha256
              ON unsigned_document
              BEGIN SELECT RAISE(ABORT, 'documents are immutable'); END
              """,
              """
              CREATE TRIGGER unsigned_document_forward_only
              BEFORE UPDATE OF state ON unsigned_document WHEN OLD.state <> 'awaiting'
              BEGIN SELECT RAISE(ABORT, 'a signed or withdrawn document stays so'); END
              """,
              """
              CREATE TRIGGER unsigned_document_no_delete BEFORE DELETE ON unsigned_document
              BEGIN SELECT RAISE(ABORT, 'documents are never deleted'); END
              """,
              // One patient per PINFL across all forms: the same local id (urn:uuid) in every
              // document, and the demographics last finalized, to pre-fill the next form.
              """
              CREATE TABLE patient_index (
                pinfl         TEXT    NOT NULL PRIMARY KEY
                              CHECK (length(pinfl) = 14 AND pinfl NOT GLOB '*[^0-9]*'),
                local_id      TEXT    NOT NULL UNIQUE,
                resource_json TEXT    NOT NULL,
                updated_at    INTEGER NOT NULL
              ) STRICT
              """));

  static final Migration V4 =
      Migration.ofSql(
          4,
          "retractions awaiting signature",
          List.of(
              // A retraction (entered-in-error, dhp-spec §2.4) waits for its signature like any
              // finalized document; these say which signed document it retracts and why (the
              // user's words, shown to the signer; never in the audit log, which holds keys only).
              "ALTER TABLE unsigned_document ADD COLUMN retracts_document_id TEXT"
                  + " REFERENCES document (id)",
              "ALTER TABLE unsigned_document ADD COLUMN retraction_reason TEXT"
                  + " CHECK (retraction_reason IS NULL OR (retracts_document_id IS NOT NULL"
                  + " AND length(retraction_reason) BETWEEN 1 AND "
                  + Retraction.MAX_REASON_LENGTH
                  + "))",
              // The new columns are as frozen as the others.
              "DROP TRIGGER unsigned_document_frozen",
              """
              CREATE TRIGGER unsigned_document_frozen
              BEFORE UPDATE OF id, draft_id, form_id, bundle_id_system, bundle_id_value,
                               composition_id, version, status, signer_key, created_at, bytes,
                               sha256, retracts_document_id, retraction_reason
              ON unsigned_document
              BEGIN SELECT RAISE(ABORT, 'documents are immutable'); END
              """,
              // At most one live retraction per signed document, whatever the application does.
              """
              CREATE UNIQUE INDEX unsigned_document_one_retraction
              ON unsigned_document (retracts_document_id)
              WHERE retracts_document_id IS NOT NULL AND state <> 'withdrawn'
              """));

  /**
   * The server a cached patient came from, so a document references the server's patient only on
   * that same server (a clinic that moved from the sandbox to DHP must not send sandbox ids). Rows
   * cached before this step have no base ({@code ''}) and are not trusted until looked up again.
   */
  static final Migration PATIENT_CACHE_SERVER_BASE =
      Migration.ofSql(
          5,
          "patient cache: server base of each copy",
          List.of("ALTER TABLE patient_cache ADD COLUMN server_base TEXT NOT NULL DEFAULT ''"));

  /** All migrations of this version of the app, in order. */
  static final List<Migration> MIGRATIONS = List.of(V1, V2, V3, V4, PATIENT_CACHE_SERVER_BASE);
}
