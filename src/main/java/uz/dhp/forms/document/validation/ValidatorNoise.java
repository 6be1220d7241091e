package uz.dhp.forms.document.validation;

import java.util.List;
import java.util.Set;
import uz.dhp.forms.document.finding.Severity;

/**
 * Validator warnings we drop deliberately (docs/decisions/0006-document-extraction.md, "Noise").
 * Errors are never dropped.
 */
final class ValidatorNoise {

  private ValidatorNoise() {}

  /** Message ids of warnings that say nothing actionable about our documents. */
  private static final Set<String> IDS =
      Set.of(
          // No terminology server offline: LOINC / SNOMED CT / ICD-10 / UCUM are not loaded, so
          // the validator can only say it did not check them.
          "Terminology_PassThrough_TX_Message",
          "TERMINOLOGY_TX_SYSTEM_NOTKNOWN",
          "Terminology_TX_System_NotKnown",
          "VALUESET_INCLUDE_CS_NOT_FOUND",
          "Terminology_TX_ValueSet_NotFound",
          "VALUESET_EXPANSION_FAILED",
          "Terminology_TX_NoValid_3_CC");

  /** Text fragments of the same kinds of warnings where the message has no id. */
  private static final List<String> TEXTS =
      List.of(
          "dom-6", // "a resource should have narrative": every resource gets generated narrative
          "Unable to expand ValueSet",
          "could not be found, so the code cannot be validated",
          "is unknown so the code cannot be validated",
          "not present");

  /** "Unable to expand ValueSet … CodeSystem … is ignored/not-present": no offline terminology. */
  static boolean cannotExpand(String message) {
    return message != null
        && message.contains("Unable to expand ValueSet")
        && message.contains("ignored/not-present");
  }

  static boolean isNoise(String id, String message, Severity severity) {
    if (severity == Severity.ERROR) {
      return false;
    }
    if (IDS.contains(id)) {
      return true;
    }
    String text = message == null ? "" : message;
    for (String t : TEXTS) {
      if (text.contains(t)) {
        return true;
      }
    }
    return false;
  }
}
