package uz.dhp.forms.form.io;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Why a form file cannot be used: a message key ({@code form.check.*}) with arguments, and the item
 * it concerns when there is one.
 */
public record FormProblem(@Nullable String linkId, String reasonKey, List<String> args) {
  public FormProblem {
    args = List.copyOf(args);
  }

  static FormProblem of(@Nullable String linkId, String key, Object... args) {
    return new FormProblem(
        linkId, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
  }
}
