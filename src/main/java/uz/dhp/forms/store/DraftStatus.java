package uz.dhp.forms.store;

import java.util.Optional;

/**
 * Where a draft is in its life. Codes follow QuestionnaireResponse.status where one fits. Add new
 * values at the end; stored codes never change.
 */
public enum DraftStatus {
  /** Being filled in. */
  IN_PROGRESS("in-progress", "store.draftStatus.inProgress"),
  /** All required answers given and valid; not yet finalized. */
  COMPLETED("completed", "store.draftStatus.completed"),
  /** Turned into a document (frozen); the draft is kept for reference. */
  FINALIZED("finalized", "store.draftStatus.finalized");

  private final String code;
  private final String messageKey;

  DraftStatus(String code, String messageKey) {
    this.code = code;
    this.messageKey = messageKey;
  }

  /** Message key of the status label shown to users. */
  public String messageKey() {
    return messageKey;
  }

  /** The stable code stored in the database. */
  public String code() {
    return code;
  }

  public static Optional<DraftStatus> fromCode(String code) {
    for (DraftStatus s : values()) {
      if (s.code.equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
