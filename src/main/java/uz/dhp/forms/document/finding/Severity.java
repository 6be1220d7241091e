package uz.dhp.forms.document.finding;

/** Severity of a {@link Finding}; only errors block finalization. */
public enum Severity {
  ERROR,
  WARNING,
  INFORMATION
}
