package uz.dhp.forms.form.definition;

import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A text from the form with its {@code translation} extensions. Lookup falls back from the most
 * specific language tag to the less specific one ({@code uz-Cyrl} → {@code uz}) and then to the
 * text as written in the form.
 *
 * @param text the text as written in the form (its default language)
 * @param translations language tag (BCP 47, e.g. {@code ru}, {@code uz-Cyrl}) → text
 */
public record LocalizedText(String text, Map<String, String> translations) {

  public static final LocalizedText EMPTY = new LocalizedText("", Map.of());

  public LocalizedText {
    translations = Map.copyOf(translations);
  }

  public static LocalizedText of(String text) {
    return new LocalizedText(text, Map.of());
  }

  public static LocalizedText ofNullable(@Nullable String text) {
    return text == null ? EMPTY : of(text);
  }

  /** The text for a language tag such as {@code uz-Cyrl}, {@code uz}, {@code ru} or {@code en}. */
  public String in(String languageTag) {
    String tag = languageTag;
    while (!tag.isEmpty()) {
      String t = translations.get(tag);
      if (t != null) {
        return t;
      }
      int dash = tag.lastIndexOf('-');
      tag = dash < 0 ? "" : tag.substring(0, dash);
    }
    return text;
  }

  public boolean isEmpty() {
    return text.isEmpty() && translations.isEmpty();
  }
}
