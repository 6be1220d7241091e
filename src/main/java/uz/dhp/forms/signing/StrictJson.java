package uz.dhp.forms.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JSON parsing for signed material. Duplicate member names are rejected (two parsers could pick
 * different duplicates, so a signature could cover something else than what is shown), decimals are
 * kept exactly as written, and trailing content is an error.
 */
final class StrictJson {

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** The parsed tree, or empty when the text is not one well-formed JSON value. */
  Optional<JsonNode> parse(byte[] utf8) {
    try {
      JsonNode node = mapper.readTree(utf8);
      return Optional.ofNullable(node).filter(n -> !n.isMissingNode());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  Optional<JsonNode> parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree always serializes", e);
    }
  }

  byte[] writeBytes(JsonNode node) {
    try {
      return mapper.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree always serializes", e);
    }
  }

  ObjectMapper mapper() {
    return mapper;
  }
}
