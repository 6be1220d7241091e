package uz.dhp.forms.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * Localized message texts for one {@link UiLanguage}. Texts live in resource bundles under {@code
 * uz/dhp/forms/i18n/}: one bundle per area ({@link #BUNDLES}) so that areas can be worked on
 * independently; a key must be unique across bundles. A test fails when any key is missing in any
 * language.
 */
public final class Messages {

  /** Bundle base names, in lookup order. */
  public static final List<String> BUNDLES =
      List.of(
          "uz.dhp.forms.i18n.app",
          "uz.dhp.forms.i18n.store",
          "uz.dhp.forms.i18n.form",
          "uz.dhp.forms.i18n.document",
          "uz.dhp.forms.i18n.sync",
          "uz.dhp.forms.i18n.signing");

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final UiLanguage language;
  private final List<ResourceBundle> bundles;

  public Messages(UiLanguage language) {
    this.language = language;
    List<ResourceBundle> loaded = new ArrayList<>();
    for (String name : BUNDLES) {
      loaded.add(load(name, language.locale()));
    }
    this.bundles = Collections.unmodifiableList(loaded);
  }

  static ResourceBundle load(String baseName, Locale locale) {
    return ResourceBundle.getBundle(baseName, locale, Messages.class.getClassLoader(), NO_FALLBACK);
  }

  public UiLanguage language() {
    return language;
  }

  /**
   * The text for {@code key} with {@code args} filled in ({@link MessageFormat} syntax). A missing
   * key yields {@code !key!} so that it shows up in screenshots and tests rather than crashing.
   */
  public String get(String key, Object... args) {
    for (ResourceBundle b : bundles) {
      if (b.containsKey(key)) {
        String pattern = b.getString(key);
        return args.length == 0
            ? pattern
            : new MessageFormat(pattern, language.locale()).format(args);
      }
    }
    return "!" + key + "!";
  }

  public boolean has(String key) {
    return bundles.stream().anyMatch(b -> b.containsKey(key));
  }

  /** All keys of this language, for the completeness test. */
  public Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    for (ResourceBundle b : bundles) {
      keys.addAll(b.keySet());
    }
    return keys;
  }
}
