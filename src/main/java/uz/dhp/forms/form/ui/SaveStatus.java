package uz.dhp.forms.form.ui;

import java.time.LocalTime;
import java.util.List;

/** What the save status line shows. */
public sealed interface SaveStatus {

  /** Nothing typed since the editor was opened. */
  record Clean() implements SaveStatus {}

  /** Changes waiting for the debounce or a save in flight. */
  record Saving() implements SaveStatus {}

  /** Everything typed so far is stored. */
  record Saved(LocalTime at) implements SaveStatus {}

  /** The last save failed; the answers are still in memory and a retry is scheduled. */
  record Failed(String reasonKey, List<String> args) implements SaveStatus {
    public Failed {
      args = List.copyOf(args);
    }
  }
}
