package uz.dhp.forms.app;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keys of master-data entries ({@code PractitionerRole/<key>}): made once from the name when the
 * clerk leaves the key blank, and never changed afterwards, because saved drafts refer to them.
 * Keys are valid FHIR ids so that they can travel as literal references.
 */
final class MasterDataKeys {

  /** FHIR id: letters, digits, '-' and '.', at most 64 characters. */
  static final Pattern VALID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private static final int MAX_BASE = 40;

  private MasterDataKeys() {}

  static boolean isValid(String key) {
    return VALID.matcher(key).matches();
  }

  /**
   * A readable key from a name, Cyrillic transliterated, unique among {@code taken} (by a numeric
   * suffix); {@code fallback} when the name gives no letters.
   */
  static String fromName(String name, String fallback, Set<String> taken) {
    String base = slug(name);
    if (base.isEmpty()) {
      base = fallback;
    }
    String key = base;
    for (int n = 2; taken.contains(key); n++) {
      key = base + "-" + n;
    }
    return key;
  }

  static String slug(String name) {
    StringBuilder latin = new StringBuilder();
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      latin.append(latin(c));
    }
    String plain =
        Normalizer.normalize(latin, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (plain.length() > MAX_BASE) {
      plain = plain.substring(0, MAX_BASE).replaceAll("-+$", "");
    }
    return plain;
  }

  private static String latin(char c) {
    return switch (c) {
      case 'а' -> "a";
      case 'б' -> "b";
      case 'в' -> "v";
      case 'г' -> "g";
      case 'ғ' -> "g";
      case 'д' -> "d";
      case 'е', 'э' -> "e";
      case 'ё' -> "yo";
      case 'ж' -> "j";
      case 'з' -> "z";
      case 'и', 'й' -> "i";
      case 'к' -> "k";
      case 'қ' -> "q";
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
      case 'х' -> "x";
      case 'ҳ' -> "h";
      case 'ц' -> "ts";
      case 'ч' -> "ch";
      case 'ш', 'щ' -> "sh";
      case 'ы' -> "i";
      case 'ю' -> "yu";
      case 'я' -> "ya";
      case 'ъ', 'ь', '\'', '‘', '’', 'ʻ', 'ʼ', '`' -> "";
      default -> String.valueOf(c);
    };
  }
}
