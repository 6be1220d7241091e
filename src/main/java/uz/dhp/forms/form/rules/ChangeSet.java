package uz.dhp.forms.form.rules;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.answer.ItemPath;

/**
 * What one edit changed, so that the UI refreshes only those items. Paths are as after the edit.
 *
 * @param values items whose answers changed (the edited one and recalculated ones)
 * @param enablement items that became enabled or disabled (descendants included)
 * @param validation items whose validation issues changed
 * @param structure repeating groups whose rows were added, removed or reordered, each as the path
 *     of its first row (index 0): re-read {@code rowCount} and the rows' children
 * @param rejection why the edit was not applied, if it was not
 */
public record ChangeSet(
    List<ItemPath> values,
    List<ItemPath> enablement,
    List<ItemPath> validation,
    List<ItemPath> structure,
    @Nullable Rejection rejection) {

  /** An edit the session refused (e.g. typing into a calculated item). */
  public record Rejection(String reasonKey, List<String> args) {
    public Rejection {
      args = List.copyOf(args);
    }
  }

  public ChangeSet {
    values = List.copyOf(values);
    enablement = List.copyOf(enablement);
    validation = List.copyOf(validation);
    structure = List.copyOf(structure);
  }

  static ChangeSet rejected(String key, String... args) {
    return new ChangeSet(
        List.of(), List.of(), List.of(), List.of(), new Rejection(key, List.of(args)));
  }

  public boolean isEmpty() {
    return values.isEmpty() && enablement.isEmpty() && validation.isEmpty() && structure.isEmpty();
  }

  public boolean isRejected() {
    return rejection != null;
  }
}
