package uz.dhp.forms.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.i18n.UiLanguage;

/**
 * One entry of the home screen's form list: a usable form, or a form file that could not be used
 * and why.
 */
sealed interface FormListing {

  String formId();

  /**
   * A form that can be listed. {@code definition} is null while the form has only been read quickly
   * (titles) and not yet fully checked by the form engine; only checked forms can be started.
   * {@code warnings} counts problems that do not block use (e.g. code lists not imported).
   */
  record Available(
      String formId,
      String version,
      Map<String, String> titles,
      @org.checkerframework.checker.nullness.qual.Nullable FormDefinition definition,
      int warnings)
      implements FormListing {

    boolean checked() {
      return definition != null;
    }

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
