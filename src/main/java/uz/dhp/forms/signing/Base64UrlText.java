package uz.dhp.forms.signing;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** Strict base64url without padding, as JWS uses it (RFC 7515 §2). */
final class Base64UrlText {

  private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]*");

  private Base64UrlText() {}

  static boolean isBase64Url(String text) {
    return ALPHABET.matcher(text).matches() && text.length() % 4 != 1;
  }

  static Optional<byte[]> decode(String text) {
    if (!isBase64Url(text)) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(text);
      // Reject non-zero padding bits: one value, one spelling (no malleable JWS strings).
      return encode(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String encode(byte[] data) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
  }
}
