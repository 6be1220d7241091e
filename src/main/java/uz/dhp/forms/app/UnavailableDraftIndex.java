package uz.dhp.forms.app;

import java.util.List;
import java.util.Optional;
import uz.dhp.forms.app.AppContext.StartupNotice;

/**
 * Used when the store could not be opened (folder not writable, already open elsewhere): the window
 * still starts and explains, but nothing can be typed that could not be saved.
 */
final class UnavailableDraftIndex implements DraftIndex {

  private final StartupNotice reason;

  UnavailableDraftIndex(StartupNotice reason) {
    this.reason = reason;
  }

  @Override
  public List<DraftRow> list(String search, DraftSort sort, boolean includeDeleted) {
    return List.of();
  }

  @Override
  public Optional<DraftDetail> open(String draftId) {
    return Optional.empty();
  }

  @Override
  public String create(String formId, String formVersion, String questionnaire) {
    throw new UserFacingFailure(reason.key(), "store unavailable", reason.args().toArray());
  }

  @Override
  public SaveFailure save(
      DraftDetail draft, String patientName, String pinfl, String responseJson) {
    return new SaveFailure(reason.key(), reason.args());
  }

  @Override
  public void delete(String draftId) {
    throw new UserFacingFailure(reason.key(), "store unavailable", reason.args().toArray());
  }

  @Override
  public void restore(String draftId) {
    throw new UserFacingFailure(reason.key(), "store unavailable", reason.args().toArray());
  }
}
