package uz.dhp.forms.store;

import java.util.Objects;
import java.util.Optional;

/**
 * A finalized, not yet signed document to keep until its practitioner signs it: the document (its
 * checks are {@link DocumentWrite}'s) and who is to sign it.
 *
 * @param document the finalized document; not signed
 * @param signerKey master-data key of the practitioner role who is to sign
 * @param retraction present when this document retracts a signed one; its status is then {@value
 *     #ENTERED_IN_ERROR}
 */
public record UnsignedDocumentWrite(
    DocumentWrite document, String signerKey, Optional<Retraction> retraction) {

  /** {@code Composition.status} of a retraction. */
  public static final String ENTERED_IN_ERROR = "entered-in-error";

  public UnsignedDocumentWrite {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(signerKey, "signerKey");
    Objects.requireNonNull(retraction, "retraction");
    if (document.signed()) {
      throw new IllegalArgumentException("an unsigned document cannot carry a signature");
    }
    if (retraction.isPresent() != ENTERED_IN_ERROR.equals(document.status())) {
      throw new IllegalArgumentException(
          "a retraction, and only a retraction, is entered-in-error");
    }
  }

  /** A finalized document (not a retraction). */
  public UnsignedDocumentWrite(DocumentWrite document, String signerKey) {
    this(document, signerKey, Optional.empty());
  }

  public String id() {
    return document.id();
  }

  public String draftId() {
    return document.draftId();
  }

  public BundleIdentifier bundleIdentifier() {
    return document.bundleIdentifier();
  }

  public int version() {
    return document.version();
  }

  /** A copy of the exact bytes. */
  public byte[] bytes() {
    return document.bytes();
  }
}
