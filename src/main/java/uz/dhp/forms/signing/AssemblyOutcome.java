package uz.dhp.forms.signing;

import java.util.List;

/** Result of attaching a verified signature to a document. */
public sealed interface AssemblyOutcome {

  record Assembled(SignedDocument document) implements AssemblyOutcome {}

  /** Nothing was attached; {@code reasonKey} is a {@code signing.*} message key. */
  record Failed(String reasonKey, List<String> args) implements AssemblyOutcome {
    public Failed {
      args = List.copyOf(args);
    }
  }
}
