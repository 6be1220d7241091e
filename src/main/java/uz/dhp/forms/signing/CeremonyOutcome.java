package uz.dhp.forms.signing;

import java.util.List;

/** How a signing ceremony ended. Only {@link Signed} changes anything. */
public sealed interface CeremonyOutcome {

  /** Verified and attached: store {@code document.bytes()} and queue them for sending. */
  record Signed(SignedDocument document, SignatureOutcome.Verified signature)
      implements CeremonyOutcome {}

  /** The practitioner cancelled; the document stays awaiting signature. */
  record Cancelled() implements CeremonyOutcome {}

  /**
   * Nothing was attached; show the message for {@code reasonKey} ({@code signing.*}) with {@code
   * args}. The document stays awaiting signature.
   */
  record Rejected(String reasonKey, List<String> args) implements CeremonyOutcome {
    public Rejected {
      args = List.copyOf(args);
    }
  }
}
