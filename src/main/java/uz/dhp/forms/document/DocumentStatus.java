package uz.dhp.forms.document;

/**
 * Status of one document version, as written to {@code Composition.status}. Both DHP form profiles
 * fix {@code final} (dhp-spec §10 C1), so corrections are sent as new {@code final} versions; the
 * retraction uses {@code entered-in-error}, which those profiles reject (see decision 0007).
 */
public enum DocumentStatus {
  FINAL("final"),
  ENTERED_IN_ERROR("entered-in-error");

  private final String code;

  DocumentStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
