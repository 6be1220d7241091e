package uz.dhp.forms.form.io;

import uz.dhp.forms.form.definition.FormDefinition;

/** Result of loading one form file. */
public sealed interface LoadOutcome {
  /**
   * @param warnings problems that do not block filling (e.g. a code list only partly available
   *     offline), as {@code form.check.*} keys
   */
  record Loaded(FormDefinition definition, java.util.List<FormProblem> warnings)
      implements LoadOutcome {
    public Loaded {
      warnings = java.util.List.copyOf(warnings);
    }
  }

  record Rejected(FormProblem problem) implements LoadOutcome {}
}
