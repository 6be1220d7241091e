package uz.dhp.forms.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the home screen needs from the draft store. Calls block (they touch the database): run them
 * through the {@link uz.dhp.forms.ui.TaskRunner}, never on the FX thread.
 */
interface DraftIndex {

  List<DraftRow> list(String search, DraftSort sort, boolean includeDeleted);

  Optional<DraftDetail> open(String draftId);

  /**
   * Creates an empty draft of a form and returns its id.
   *
   * @param questionnaire the form's canonical {@code url|version}, recorded in the response
   */
  String create(String formId, String formVersion, String questionnaire);

  /**
   * Saves the answers of an open draft with its list metadata; returns null when stored, or the
   * failure (message key and arguments) when not. Never throws for expected failures.
   */
  SaveFailure save(DraftDetail draft, String patientName, String pinfl, String responseJson);

  /** Why a save did not happen. */
  record SaveFailure(String reasonKey, List<String> args) {}

  void delete(String draftId);

  void restore(String draftId);

  /** One row of the draft list. */
  record DraftRow(
      String id,
      String formId,
      String patientName,
      String pinfl,
      String statusKey,
      Instant created,
      Instant updated,
      boolean deleted) {}

  /** A draft as opened for editing. */
  record DraftDetail(DraftRow row, String formVersion, String questionnaireResponseJson) {}

  /** Sort orders offered in the list. */
  enum DraftSort {
    UPDATED_NEWEST,
    UPDATED_OLDEST,
    CREATED_NEWEST,
    CREATED_OLDEST
  }
}
