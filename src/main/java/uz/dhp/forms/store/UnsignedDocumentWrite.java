package uz.dhp.forms.store;

import java.util.Objects;

/**
 * A finalized, not yet signed document to keep until its practitioner signs it: the document (its
 * checks are {@link DocumentWrite}'s) and who is to sign it.
 *
 * @param document the finalized document; not signed
 * @param signerKey master-data key of the practitioner role who is to sign
 */
public record UnsignedDocumentWrite(DocumentWrite document, String signerKey) {

  public UnsignedDocumentWrite {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(signerKey, "signerKey");
    if (document.signed()) {
      throw new IllegalArgumentException("an unsigned document cannot carry a signature");
    }
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
