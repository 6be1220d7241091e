package uz.dhp.forms.form.io;

import uz.dhp.forms.form.definition.FormDefinition;

/** Result of loading one form file. */
public sealed interface LoadOutcome {
  record Loaded(FormDefinition definition) implements LoadOutcome {}

  record Rejected(FormProblem problem) implements LoadOutcome {}
}
