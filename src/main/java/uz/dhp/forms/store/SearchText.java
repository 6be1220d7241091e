package uz.dhp.forms.store;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text for case-insensitive search in Java, because SQLite's LIKE/lower() fold ASCII only and
 * names here are Cyrillic as often as Latin. The folded text is stored in {@code draft.search_text}
 * and the query is folded the same way.
 */
final class SearchText {

  /** Separates fields in search_text so that a query cannot match across two fields. */
  static final char FIELD_SEPARATOR = '\u001f';

  private SearchText() {}

  static String fold(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isWhitespace(ch)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(fold(ch));
    }
    return out.toString();
  }

  private static char fold(char ch) {
    return switch (ch) {
      // Uzbek Latin oʻ/gʻ and the tutuq belgisi are typed with any of these; treat them alike.
      case '\u2018', '\u2019', '\u02bb', '\u02bc', '`', '\u00b4' -> '\'';
      // Russian users often type е for ё.
      case 'ё' -> 'е';
      default -> ch;
    };
  }

  /** The stored search column for a draft. */
  static String forDraft(String patientName, String pinfl, String formId) {
    return fold(patientName) + FIELD_SEPARATOR + fold(pinfl) + FIELD_SEPARATOR + fold(formId);
  }
}
