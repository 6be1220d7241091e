package uz.dhp.forms.form.rules;

import java.util.List;
import uz.dhp.forms.form.answer.ItemPath;

/**
 * A constraint an answer breaks, as a message key with arguments (localized by the UI).
 *
 * @param key e.g. {@code form.validation.required}
 */
public record ValidationIssue(ItemPath path, String key, List<String> args, Severity severity) {

  public enum Severity {
    /** Blocks finalizing. */
    ERROR,
    /** Shown, does not block. */
    WARNING
  }

  public ValidationIssue {
    args = List.copyOf(args);
  }

  static ValidationIssue error(ItemPath path, String key, Object... args) {
    return new ValidationIssue(
        path, key, java.util.Arrays.stream(args).map(String::valueOf).toList(), Severity.ERROR);
  }
}
