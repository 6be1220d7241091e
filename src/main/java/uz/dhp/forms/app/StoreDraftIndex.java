package uz.dhp.forms.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.Draft;
import uz.dhp.forms.store.DraftChangeOutcome;
import uz.dhp.forms.store.DraftQuery;
import uz.dhp.forms.store.DraftRepository;
import uz.dhp.forms.store.DraftSaveOutcome;
import uz.dhp.forms.store.DraftStatus;
import uz.dhp.forms.store.DraftSummary;
import uz.dhp.forms.store.DraftWrite;

/** The home screen's view of the SQLite draft store. */
final class StoreDraftIndex implements DraftIndex {

  private final DraftRepository drafts;
  private final Actor actor;
  private final Supplier<String> ids;
  private final EmptyResponse emptyResponse;

  /** Builds the answers of a new, empty draft (an in-progress QuestionnaireResponse). */
  @FunctionalInterface
  interface EmptyResponse {
    String json(String questionnaire);
  }

  StoreDraftIndex(
      DraftRepository drafts, Actor actor, Supplier<String> ids, EmptyResponse emptyResponse) {
    this.drafts = drafts;
    this.actor = actor;
    this.ids = ids;
    this.emptyResponse = emptyResponse;
  }

  @Override
  public List<DraftRow> list(String search, DraftSort sort, boolean includeDeleted) {
    DraftQuery query =
        DraftQuery.recent().withText(search).withSort(map(sort)).withDeleted(includeDeleted);
    return drafts.list(query).stream().map(StoreDraftIndex::row).toList();
  }

  @Override
  public Optional<DraftDetail> open(String draftId) {
    return drafts
        .find(draftId)
        .filter(d -> !d.deleted())
        .map(d -> new DraftDetail(row(d), d.formVersion(), d.responseJson()));
  }

  @Override
  public String create(String formId, String formVersion, String questionnaire) {
    String id = ids.get();
    DraftWrite write =
        new DraftWrite(
            id,
            formId,
            formVersion,
            DraftStatus.IN_PROGRESS,
            "",
            "",
            emptyResponse.json(questionnaire));
    DraftSaveOutcome outcome = drafts.upsert(write, actor);
    if (outcome instanceof DraftSaveOutcome.Failed f) {
      throw new UserFacingFailure(f.failure().reasonKey(), f.failure().detail());
    }
    return id;
  }

  @Override
  public SaveFailure save(
      DraftDetail draft, String patientName, String pinfl, String responseJson) {
    DraftWrite write =
        new DraftWrite(
            draft.row().id(),
            draft.row().formId(),
            draft.formVersion(),
            DraftStatus.IN_PROGRESS,
            patientName,
            pinfl,
            responseJson);
    DraftSaveOutcome outcome = drafts.upsert(write, actor);
    if (outcome instanceof DraftSaveOutcome.Failed f) {
      return new SaveFailure(f.failure().reasonKey(), List.of());
    }
    return null;
  }

  @Override
  public void delete(String draftId) {
    check(drafts.softDelete(draftId, actor));
  }

  @Override
  public void restore(String draftId) {
    check(drafts.restore(draftId, actor));
  }

  private static void check(DraftChangeOutcome outcome) {
    if (outcome instanceof DraftChangeOutcome.Failed f) {
      throw new UserFacingFailure(f.failure().reasonKey(), f.failure().detail());
    }
    if (outcome instanceof DraftChangeOutcome.NotFound) {
      throw new UserFacingFailure("draft.notFound", "no such draft");
    }
  }

  private static uz.dhp.forms.store.DraftSort map(DraftSort sort) {
    switch (sort) {
      case UPDATED_OLDEST:
        return uz.dhp.forms.store.DraftSort.UPDATED_ASC;
      case CREATED_NEWEST:
        return uz.dhp.forms.store.DraftSort.CREATED_DESC;
      case CREATED_OLDEST:
        return uz.dhp.forms.store.DraftSort.CREATED_ASC;
      case UPDATED_NEWEST:
      default:
        return uz.dhp.forms.store.DraftSort.UPDATED_DESC;
    }
  }

  private static DraftRow row(DraftSummary s) {
    return new DraftRow(
        s.id(),
        s.formId(),
        s.patientName(),
        s.pinfl(),
        s.status().messageKey(),
        s.created(),
        s.updated(),
        s.deleted());
  }

  private static DraftRow row(Draft d) {
    return new DraftRow(
        d.id(),
        d.formId(),
        d.patientName(),
        d.pinfl(),
        d.status().messageKey(),
        d.created(),
        d.updated(),
        d.deleted());
  }
}
