package uz.dhp.forms.form.ui;

import java.util.List;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.DraftSaveOutcome;
import uz.dhp.forms.store.DraftStatus;
import uz.dhp.forms.store.DraftWrite;
import uz.dhp.forms.store.Store;

/** The draft sink the application will use, on a real SQLite store (test copy of the wiring). */
final class StoreDraftSink implements DraftSink {

  private final Store store;
  private final String draftId;
  private final String formId;
  private final String formVersion;

  StoreDraftSink(Store store, String draftId, String formId, String formVersion) {
    this.store = store;
    this.draftId = draftId;
    this.formId = formId;
    this.formVersion = formVersion;
  }

  @Override
  public SaveOutcome save(String json) {
    DraftSaveOutcome o =
        store
            .drafts()
            .upsert(
                new DraftWrite(draftId, formId, formVersion, DraftStatus.IN_PROGRESS, "", "", json),
                Actor.SYSTEM);
    if (o instanceof DraftSaveOutcome.Saved) {
      return new SaveOutcome.Saved();
    } else if (o instanceof DraftSaveOutcome.Failed f) {
      return new SaveOutcome.Failed(f.failure().reasonKey(), List.of());
    }
    return new SaveOutcome.Failed("store.save.failed", List.of());
  }
}
