package uz.dhp.forms.document.finding;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a document, as a value: where (FHIR path in the Bundle, and the
 * questionnaire item when the path can be traced back to one), how bad, and what to say. {@code
 * messageKey} is ours and localized by the UI; for validator messages that are not ours the key is
 * {@code document.validation.validatorMessage} and {@code args[0]} is the validator's (English)
 * text.
 *
 * @param severity how bad
 * @param path FHIRPath-like location in the Bundle, or "" when not tied to one element
 * @param linkId questionnaire item the problem concerns, when derivable
 * @param messageKey message key in the {@code document} bundle
 * @param args MessageFormat arguments
 * @param source who found it: "dhp" (our rules), "extract", or the validator message id
 */
public record Finding(
    Severity severity,
    String path,
    Optional<String> linkId,
    String messageKey,
    List<Object> args,
    String source) {

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(linkId, "linkId");
    Objects.requireNonNull(messageKey, "messageKey");
    args = List.copyOf(args);
    Objects.requireNonNull(source, "source");
  }

  public static Finding error(String path, String linkId, String key, Object... args) {
    return new Finding(
        Severity.ERROR, path, Optional.ofNullable(linkId), key, List.of(args), "dhp");
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public Finding withLinkId(String id) {
    return new Finding(severity, path, Optional.ofNullable(id), messageKey, args, source);
  }
}
