package uz.dhp.forms.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages the user interface is offered in. */
public enum UiLanguage {
  UZ_LATN("uz", "Oʻzbekcha"),
  UZ_CYRL("uz-Cyrl", "Ўзбекча"),
  RU("ru", "Русский"),
  EN("en", "English");

  private final String tag;
  private final String nativeName;

  UiLanguage(String tag, String nativeName) {
    this.tag = tag;
    this.nativeName = nativeName;
  }

  /** BCP 47 tag, e.g. {@code uz-Cyrl}; also the value stored in settings. */
  public String tag() {
    return tag;
  }

  /** The language's name in itself, shown in the language switch. */
  public String nativeName() {
    return nativeName;
  }

  public Locale locale() {
    return Locale.forLanguageTag(tag);
  }

  /**
   * The language code used for FHIR {@code translation} extensions: Uzbek in Cyrillic script falls
   * back to the Latin-script text when a form has no Cyrillic translation.
   */
  public String fhirLanguage() {
    return tag;
  }

  public static Optional<UiLanguage> fromTag(String tag) {
    for (UiLanguage l : values()) {
      if (l.tag.equalsIgnoreCase(tag)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
