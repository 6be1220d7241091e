package uz.dhp.forms.app;

import java.util.List;
import java.util.function.Supplier;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.TaskRunner;

/**
 * Everything the main window needs, built once by the composition root ({@link DhpFormsApp}) or by
 * a test.
 *
 * @param forms lists the forms quickly (titles only); reads files, called off the FX thread
 * @param formServices the FHIR context, code lists, form engine and catalog (built on demand)
 * @param documentServices document checker, finalizing, signing and the outbox (built on demand,
 *     after the form services)
 * @param formsDir where forms are read from, for messages
 * @param storeLocation shown in the status bar so a clinic knows where its data lives
 * @param fontSize the remembered base font size (px)
 * @param startupNotice a message to show once the window is up (e.g. the store was recovered), or
 *     null
 * @param warmUp build the document services (and the validator) right after start
 * @param patients a known patient by PINFL as a Patient resource (JSON), for pre-filling; blocking
 */
record AppContext(
    I18n i18n,
    TaskRunner tasks,
    DraftIndex drafts,
    AppSettings settings,
    Supplier<List<FormListing>> forms,
    OnDemand<FormServices> formServices,
    OnDemand<DocumentServices> documentServices,
    String formsDir,
    String storeLocation,
    double fontSize,
    StartupNotice startupNotice,
    boolean warmUp,
    java.util.function.Function<String, java.util.Optional<String>> patients) {

  /** A localized message for the user, shown once after start. */
  record StartupNotice(String key, List<String> args) {}
}
