package uz.dhp.forms.signing;

import java.util.List;

/** Result of re-verifying a stored signed Bundle from its bytes alone. */
public sealed interface StoredSignaturesOutcome {

  /** Every signing Provenance verified; one entry per signature, in Bundle order. */
  record Valid(List<SignatureOutcome.Verified> signatures) implements StoredSignaturesOutcome {
    public Valid {
      signatures = List.copyOf(signatures);
    }
  }

  /** The document is unsigned or a signature failed; {@code reasonKey} is a message key. */
  record Invalid(String reasonKey, List<String> args) implements StoredSignaturesOutcome {
    public Invalid {
      args = List.copyOf(args);
    }

    static Invalid of(String reasonKey, String... args) {
      return new Invalid(reasonKey, List.of(args));
    }
  }
}
