package uz.dhp.forms.form.rules;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.LocalizedText;

/**
 * A constraint an answer breaks, as a message key with arguments (localized by the UI).
 *
 * @param key e.g. {@code form.validation.required}
 * @param formText for a form's own {@code targetConstraint}: its message with translations, which
 *     the UI shows instead of the key's text (the key is {@code form.validation.constraint})
 */
public record ValidationIssue(
    ItemPath path,
    String key,
    List<String> args,
    Severity severity,
    @Nullable LocalizedText formText) {

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
        path,
        key,
        java.util.Arrays.stream(args).map(String::valueOf).toList(),
        Severity.ERROR,
        null);
  }
}
