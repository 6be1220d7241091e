package uz.dhp.forms.form.rules;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Result of preparing a definition's rules: ready, or the first problem found. */
public sealed interface CompileOutcome {

  record Compiled(CompiledForm form) implements CompileOutcome {}

  record Invalid(@Nullable String linkId, String reasonKey, List<String> args)
      implements CompileOutcome {
    public Invalid {
      args = List.copyOf(args);
    }
  }
}
