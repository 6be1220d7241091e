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

  /** All migrations of this version of the app, in order. */
  static final List<Migration> MIGRATIONS = List.of(V1);
}
