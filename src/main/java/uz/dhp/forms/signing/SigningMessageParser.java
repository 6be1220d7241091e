package uz.dhp.forms.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict parser of the signing page's message: one JSON object, known members only, correct types,
 * bounded sizes, and the {@code documentId} (when echoed) of the request it answers.
 */
final class SigningMessageParser {

  static final int MAX_MESSAGE_LENGTH = 128 * 1024;
  private static final Set<String> MEMBERS = Set.of("status", "jws", "x5c", "error", "documentId");
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  private final StrictJson json = new StrictJson();

  SigningResponse parse(String data, SigningRequest request) {
    if (data == null || data.isEmpty() || data.length() > MAX_MESSAGE_LENGTH) {
      return malformed();
    }
    Optional<JsonNode> parsed = json.parse(data);
    if (parsed.isEmpty() || !parsed.get().isObject()) {
      return malformed();
    }
    JsonNode message = parsed.get();
    for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
      if (!MEMBERS.contains(names.next())) {
        return malformed();
      }
    }
    JsonNode documentId = message.get("documentId");
    if (documentId != null
        && !(documentId.isTextual() && documentId.asText().equals(request.documentId()))) {
      return new SigningResponse.Malformed("signing.message.otherDocument");
    }
    JsonNode status = message.get("status");
    if (status == null || !status.isTextual()) {
      return malformed();
    }
    return switch (status.asText()) {
      case "signed" -> signed(message);
      case "cancelled" ->
          onlyMembers(message, Set.of("status", "documentId"))
              ? new SigningResponse.Cancelled()
              : malformed();
      case "error" -> error(message);
      default -> malformed();
    };
  }

  private static SigningResponse signed(JsonNode message) {
    if (!onlyMembers(message, Set.of("status", "documentId", "jws", "x5c"))) {
      return malformed();
    }
    JsonNode jws = message.get("jws");
    if (jws == null
        || !jws.isTextual()
        || jws.asText().length() > SignatureVerifier.MAX_JWS_LENGTH) {
      return malformed();
    }
    JsonNode x5c = message.get("x5c");
    if (x5c == null || x5c.isNull()) {
      return new SigningResponse.Signed(jws.asText(), Optional.empty());
    }
    if (!x5c.isArray() || x5c.isEmpty() || x5c.size() > 10) {
      return malformed();
    }
    List<String> chain = new ArrayList<>();
    for (JsonNode cert : x5c) {
      if (!cert.isTextual()) {
        return malformed();
      }
      chain.add(cert.asText());
    }
    return new SigningResponse.Signed(jws.asText(), Optional.of(chain));
  }

  private static SigningResponse error(JsonNode message) {
    if (!onlyMembers(message, Set.of("status", "documentId", "error"))) {
      return malformed();
    }
    JsonNode code = message.get("error");
    if (code == null) {
      return new SigningResponse.SignerFailed("unspecified");
    }
    return code.isTextual() && ERROR_CODE.matcher(code.asText()).matches()
        ? new SigningResponse.SignerFailed(code.asText())
        : malformed();
  }

  private static boolean onlyMembers(JsonNode message, Set<String> allowed) {
    for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
      if (!allowed.contains(names.next())) {
        return false;
      }
    }
    return true;
  }

  private static SigningResponse malformed() {
    return new SigningResponse.Malformed("signing.message.malformed");
  }
}
