package uz.dhp.forms.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import uz.dhp.forms.i18n.UiLanguage;

/**
 * One entry of the home screen's form list: a usable form, or a form file that could not be used
 * and why.
 */
sealed interface FormListing {

  String formId();

  /** A usable form definition. */
  record Available(String formId, String version, Map<String, String> titles)
      implements FormListing {

    /** The title in {@code language}, falling back like form texts do: uz-Cyrl → uz → any. */
    String title(UiLanguage language) {
      String t = titles.get(language.tag());
      if (t == null && language == UiLanguage.UZ_CYRL) {
        t = titles.get(UiLanguage.UZ_LATN.tag());
      }
      if (t == null) {
        t = titles.getOrDefault("", formId);
      }
      return t;
    }
  }

  /** A form file that is broken; listed so the clinic can report it, never opened. */
  record Unavailable(String formId, Path file, String linkId, String reasonKey, List<String> args)
      implements FormListing {}
}
