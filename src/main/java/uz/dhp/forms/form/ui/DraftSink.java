package uz.dhp.forms.form.ui;

import java.util.List;

/**
 * Where the editor's autosave puts the draft. Implemented by the application on top of the draft
 * store. {@link #save} is called on a background thread, never two at a time for one editor, and
 * always with the newest state of the form.
 */
@FunctionalInterface
public interface DraftSink {

  /**
   * Stores the draft durably and returns only once it is stored (or has failed). Must not throw for
   * expected failures (disk full, database locked): return {@link SaveOutcome.Failed}.
   *
   * @param questionnaireResponseJson the whole QuestionnaireResponse, status in-progress
   */
  SaveOutcome save(String questionnaireResponseJson);

  /** Result of one save. */
  sealed interface SaveOutcome {

    record Saved() implements SaveOutcome {}

    /**
     * @param reasonKey message key saying why, e.g. {@code store.unavailable.diskFull}
     */
    record Failed(String reasonKey, List<String> args) implements SaveOutcome {
      public Failed {
        args = List.copyOf(args);
      }
    }
  }
}
