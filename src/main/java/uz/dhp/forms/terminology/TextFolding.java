package uz.dhp.forms.terminology;

import java.text.Normalizer;

/**
 * Folds text for matching: lower case, accents and apostrophe variants removed, and Cyrillic
 * transliterated to Latin (Uzbek conventions), so that "o‘pka", "opka" and "ўпка" meet.
 */
final class TextFolding {

  private TextFolding() {}

  static String fold(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length() + 8);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      String t = cyrillic(c);
      if (t != null) {
        out.append(t);
      } else if (c == '\'' || c == '‘' || c == '’' || c == 'ʻ' || c == 'ʼ' || c == '`') {
        // o‘ / g‘ and the hard sign are written several ways: ignore the mark.
        continue;
      } else {
        out.append(c);
      }
    }
    for (int i = 0; i < out.length(); i++) {
      if (out.charAt(i) > 0x7F) {
        // Only text with accents left needs the (slower) decomposition.
        return Normalizer.normalize(out, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
      }
    }
    return out.toString();
  }

  private static String cyrillic(char c) {
    return switch (c) {
      case 'а' -> "a";
      case 'б' -> "b";
      case 'в' -> "v";
      case 'г' -> "g";
      case 'д' -> "d";
      case 'е', 'э' -> "e";
      case 'ё' -> "yo";
      case 'ж' -> "j";
      case 'з' -> "z";
      case 'и', 'й', 'ы' -> "i";
      case 'к' -> "k";
      case 'л' -> "l";
      case 'м' -> "m";
      case 'н' -> "n";
      case 'о', 'ў' -> "o";
      case 'п' -> "p";
      case 'р' -> "r";
      case 'с' -> "s";
      case 'т' -> "t";
      case 'у' -> "u";
      case 'ф' -> "f";
      case 'х', 'ҳ' -> "h";
      case 'ц' -> "ts";
      case 'ч' -> "ch";
      case 'ш', 'щ' -> "sh";
      case 'ъ', 'ь' -> "";
      case 'ю' -> "yu";
      case 'я' -> "ya";
      case 'қ' -> "q";
      case 'ғ' -> "g";
      default -> null;
    };
  }
}
