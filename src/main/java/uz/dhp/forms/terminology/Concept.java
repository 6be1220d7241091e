package uz.dhp.forms.terminology;

import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One code with its display and designations.
 *
 * @param designations language tag → text ({@code uz}, {@code uz-Cyrl}, {@code ru}, {@code en})
 */
public record Concept(
    @Nullable String system, String code, String display, Map<String, String> designations) {

  public Concept {
    designations = Map.copyOf(designations);
  }

  /** Display in a language: exact tag, then its base language ({@code uz-Cyrl} → {@code uz}). */
  public String display(String languageTag) {
    String tag = languageTag;
    while (!tag.isEmpty()) {
      String d = designations.get(tag);
      if (d != null) {
        return d;
      }
      int dash = tag.lastIndexOf('-');
      tag = dash < 0 ? "" : tag.substring(0, dash);
    }
    return display;
  }
}
