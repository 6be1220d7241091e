package uz.dhp.forms.sync;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.StringType;

/**
 * The server's OperationOutcome for a refused document, as readable issues. The issue {@link
 * Issue#meaning()} is a message key in the user's language; {@link Issue#diagnostics()} is the
 * server's own text (usually English), shown next to it so that support can act on it.
 */
public record ServerOutcome(List<Issue> issues, String json) {

  public ServerOutcome {
    issues = List.copyOf(issues);
  }

  /** One issue: severity and code as sent, a localizable meaning, the server's text, the path. */
  public record Issue(
      String severity, String code, SyncMessage meaning, String diagnostics, List<String> where) {
    public Issue {
      where = List.copyOf(where);
    }
  }

  public static ServerOutcome empty() {
    return new ServerOutcome(List.of(), "");
  }

  /** Parses a response body; anything that is not an OperationOutcome gives no issues. */
  public static ServerOutcome parse(FhirContext fhir, String body) {
    if (body == null || body.isBlank()) {
      return empty();
    }
    OperationOutcome oo;
    try {
      var parsed = fhir.newJsonParser().parseResource(body);
      if (!(parsed instanceof OperationOutcome o)) {
        return new ServerOutcome(List.of(), body);
      }
      oo = o;
    } catch (DataFormatException | ClassCastException e) {
      return new ServerOutcome(List.of(), body);
    }
    List<Issue> issues = new ArrayList<>();
    for (OperationOutcome.OperationOutcomeIssueComponent i : oo.getIssue()) {
      String severity = i.hasSeverity() ? i.getSeverity().toCode() : "error";
      String code = i.hasCode() ? i.getCode().toCode() : "unknown";
      String text = i.hasDiagnostics() ? i.getDiagnostics() : "";
      if (text.isEmpty() && i.hasDetails() && i.getDetails().hasText()) {
        text = i.getDetails().getText();
      }
      List<String> where = new ArrayList<>();
      for (StringType s : i.getExpression()) {
        where.add(s.getValue());
      }
      issues.add(new Issue(severity, code, meaning(code), text, where));
    }
    return new ServerOutcome(issues, body);
  }

  /** Errors and fatal issues first; what the user most needs to read. */
  public List<Issue> errors() {
    return issues.stream()
        .filter(i -> i.severity().equals("error") || i.severity().equals("fatal"))
        .toList();
  }

  /** Technical one-line summary for the log and the outbox row: codes only, no server text. */
  public String codes() {
    List<String> codes = new ArrayList<>();
    for (Issue i : issues) {
      codes.add(i.severity() + ":" + i.code());
    }
    return String.join(",", codes);
  }

  static SyncMessage meaning(String issueCode) {
    String key =
        switch (issueCode.toLowerCase(Locale.ROOT)) {
          case "invalid", "structure", "required", "value", "invariant", "code-invalid" ->
              "sync.issue.invalid";
          case "duplicate", "conflict", "multiple-matches" -> "sync.issue.conflict";
          case "not-found", "not-supported", "deleted" -> "sync.issue.notFound";
          case "security", "login", "unknown-user", "forbidden", "suppressed", "expired" ->
              "sync.issue.security";
          case "business-rule" -> "sync.issue.businessRule";
          case "too-long", "too-costly", "timeout", "throttled", "transient", "exception" ->
              "sync.issue.transient";
          default -> "sync.issue.other";
        };
    return SyncMessage.of(key);
  }
}
