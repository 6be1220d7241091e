package uz.dhp.forms.signing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Host → signing page message of our default protocol (docs/signing-protocol.md).
 *
 * @param documentId {@code Bundle.id} of the document to sign
 * @param hash base64url (no padding) SHA-256 of the document's canonical bytes
 * @param algorithm digest algorithm name of {@code hash}: always {@code S256}
 * @param signerHint PINFL of the practitioner chosen to sign, so the page can preselect them
 * @param lang UI language tag ({@code uz}, {@code uz-Cyrl}, {@code ru}, {@code en})
 */
public record SigningRequest(
    String documentId, String hash, String algorithm, String signerHint, String lang) {

  public static final String HASH_ALGORITHM = "S256";

  public static SigningRequest of(CanonicalDocument document, String signerPinfl, String lang) {
    return new SigningRequest(
        document.bundleId(), document.hashBase64Url(), HASH_ALGORITHM, signerPinfl, lang);
  }

  /** The message as a JSON object node (for embedding in the host page). */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("documentId", documentId);
    node.put("hash", hash);
    node.put("algorithm", algorithm);
    node.put("signerHint", signerHint);
    node.put("lang", lang);
    return node;
  }

  @Override
  public String toString() {
    return "SigningRequest[documentId=" + documentId + ", hash=" + hash + ", lang=" + lang + "]";
  }
}
