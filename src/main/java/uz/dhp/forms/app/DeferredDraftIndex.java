package uz.dhp.forms.app;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The draft index of a store that is still opening: the window appears at once, and each call (all
 * of them run on background threads) waits for the store.
 */
final class DeferredDraftIndex implements DraftIndex {

  private final CompletableFuture<DraftIndex> store;

  DeferredDraftIndex(CompletableFuture<DraftIndex> store) {
    this.store = store;
  }

  @Override
  public List<DraftRow> list(String search, DraftSort sort, boolean includeDeleted) {
    return store.join().list(search, sort, includeDeleted);
  }

  @Override
  public Optional<DraftDetail> open(String draftId) {
    return store.join().open(draftId);
  }

  @Override
  public String create(String formId, String formVersion, String questionnaire) {
    return store.join().create(formId, formVersion, questionnaire);
  }

  @Override
  public SaveFailure save(
      DraftDetail draft, String patientName, String pinfl, String responseJson) {
    return store.join().save(draft, patientName, pinfl, responseJson);
  }

  @Override
  public void delete(String draftId) {
    store.join().delete(draftId);
  }

  @Override
  public void restore(String draftId) {
    store.join().restore(draftId);
  }
}
