package uz.dhp.forms.signing;

import java.util.List;

/** Result of canonicalizing a document Bundle for signing. */
public sealed interface CanonicalOutcome {

  /** The Bundle could be canonicalized. */
  record Canonicalized(CanonicalDocument document) implements CanonicalOutcome {}

  /**
   * The input is not a signable document Bundle (not JSON, duplicate members, no {@code Bundle.id},
   * numbers outside I-JSON…); {@code reasonKey} is a {@code signing.*} message key.
   */
  record Failed(String reasonKey, List<String> args) implements CanonicalOutcome {
    public Failed {
      args = List.copyOf(args);
    }

    static Failed of(String reasonKey, String... args) {
      return new Failed(reasonKey, List.of(args));
    }
  }
}
