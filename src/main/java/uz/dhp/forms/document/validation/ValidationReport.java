package uz.dhp.forms.document.validation;

import java.util.List;
import uz.dhp.forms.document.finding.Finding;

/**
 * What validation found, noise already removed (see docs/decisions/0006): errors block
 * finalization, warnings are shown.
 *
 * @param findings errors and warnings, ours first, then the validator's
 * @param profilesChecked whether the DHP profiles were loaded (false: R5 core only)
 */
public record ValidationReport(List<Finding> findings, boolean profilesChecked) {
  public ValidationReport {
    findings = List.copyOf(findings);
  }

  public List<Finding> errors() {
    return findings.stream().filter(Finding::isError).toList();
  }

  public boolean isValid() {
    return errors().isEmpty();
  }
}
