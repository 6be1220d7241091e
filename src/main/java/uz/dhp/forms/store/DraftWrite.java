package uz.dhp.forms.store;

import java.util.regex.Pattern;

/**
 * The content of a draft as the editor saves it. Times and the revision are assigned by the store.
 *
 * @param id lower-case UUID text, minted by the caller (IdGenerator) when the draft is started
 * @param formId the Questionnaire's id/url, e.g. {@code form-003}
 * @param formVersion the Questionnaire version the answers were given against
 * @param patientName the patient's display name as typed so far ("" when not yet known)
 * @param pinfl the patient's PINFL as typed so far ("" when not yet known); not validated here
 * @param responseJson the QuestionnaireResponse as JSON text
 */
public record DraftWrite(
    String id,
    String formId,
    String formVersion,
    DraftStatus status,
    String patientName,
    String pinfl,
    String responseJson) {

  static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  public DraftWrite {
    requireId(id);
    if (formId == null || formId.isBlank()) {
      throw new IllegalArgumentException("formId is required");
    }
    if (formVersion == null || formVersion.isBlank()) {
      throw new IllegalArgumentException("formVersion is required");
    }
    if (status == null) {
      throw new IllegalArgumentException("status is required");
    }
    if (responseJson == null || responseJson.isEmpty()) {
      throw new IllegalArgumentException("responseJson is required");
    }
    patientName = patientName == null ? "" : patientName;
    pinfl = pinfl == null ? "" : pinfl;
  }

  static void requireId(String id) {
    if (id == null || !UUID_TEXT.matcher(id).matches()) {
      throw new IllegalArgumentException("draft ids are lower-case UUID text");
    }
  }
}
