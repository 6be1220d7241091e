package uz.dhp.forms.signing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 JSON Canonicalization Scheme: members sorted by UTF-16 code units, no whitespace,
 * numbers in ECMAScript form, minimal string escaping, UTF-8 output. Wraps the erdtman
 * implementation and adds the I-JSON checks it leaves out (text must be valid Unicode).
 */
final class JsonCanonicalForm {

  /**
   * The canonical UTF-8 bytes, or empty when the text is not I-JSON that RFC 8785 can serialize.
   */
  Optional<byte[]> canonicalize(String json) {
    String canonical;
    try {
      canonical = new JsonCanonicalizer(json).getEncodedString();
    } catch (IOException | RuntimeException e) {
      // The library signals bad JSON, NaN/Infinity and similar with exceptions; to us they are
      // inputs that cannot be signed.
      return Optional.empty();
    }
    return strictUtf8(canonical);
  }

  private static Optional<byte[]> strictUtf8(String text) {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] out = new byte[encoded.remaining()];
      encoded.get(out);
      return Optional.of(out);
    } catch (CharacterCodingException e) {
      return Optional.empty(); // a lone surrogate: not I-JSON (RFC 7493 §2.1)
    }
  }
}
