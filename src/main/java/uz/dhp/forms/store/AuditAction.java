package uz.dhp.forms.store;

import java.util.Optional;

/** What happened, as stored in the audit log. Add values at the end; never reuse a code. */
public enum AuditAction {
  DRAFT_CREATED("draft.created"),
  DRAFT_SAVED("draft.saved"),
  DRAFT_DELETED("draft.deleted"),
  DRAFT_RESTORED("draft.restored"),
  /** A new, empty store was created (first start). */
  STORE_CREATED("store.created"),
  /** The store was opened (every start), so that the log shows sessions. */
  STORE_OPENED("store.opened"),
  /** A damaged store was moved aside and a new one created; the reason key says why. */
  STORE_RECOVERED("store.recovered"),
  /** A finalized (or signed) document was stored and queued for sending; draft id and version. */
  DOCUMENT_QUEUED("document.queued"),
  /** A draft was finalized into a document that now awaits its signature. */
  DOCUMENT_FINALIZED("document.finalized"),
  /** A document awaiting signature was replaced by a corrected version before it was signed. */
  DOCUMENT_WITHDRAWN("document.withdrawn"),
  /**
   * A retraction (entered in error) of a signed document was created and awaits its signature;
   * draft id and the retraction's version (the reason stays with the document, never here).
   */
  RETRACTION_CREATED("document.retraction.created");

  private final String code;

  AuditAction(String code) {
    this.code = code;
  }

  /** The stable code stored in the database, e.g. {@code draft.saved}. */
  public String code() {
    return code;
  }

  static Optional<AuditAction> fromCode(String code) {
    for (AuditAction a : values()) {
      if (a.code.equals(code)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
