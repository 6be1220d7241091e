package uz.dhp.forms.document;

import java.util.List;
import uz.dhp.forms.document.finding.Finding;

/** Result of finalizing (or correcting) a form. */
public sealed interface FinalizeOutcome {

  /** Valid: the document and the warnings to show. */
  record Finalized(FinalizedDocument document, List<Finding> warnings) implements FinalizeOutcome {
    public Finalized {
      warnings = List.copyOf(warnings);
    }
  }

  /** Not valid: nothing was produced; {@code findings} holds the errors first, then warnings. */
  record Rejected(List<Finding> findings) implements FinalizeOutcome {
    public Rejected {
      findings = List.copyOf(findings);
    }

    public List<Finding> errors() {
      return findings.stream().filter(Finding::isError).toList();
    }
  }
}
