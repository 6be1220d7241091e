package uz.dhp.forms.app;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.app.AppContext.StartupNotice;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.StoreLocation;
import uz.dhp.forms.store.StoreOpenOutcome;
import uz.dhp.forms.store.StoreOpener;
import uz.dhp.forms.support.IdGenerator;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.TaskRunner;

/** Builds the application's services from the options; owns what must be closed at exit. */
final class AppRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AppRuntime.class);

  private final AppContext context;
  private final Optional<Store> store;

  private AppRuntime(AppContext context, Optional<Store> store) {
    this.context = context;
    this.store = store;
  }

  /** Opens (or recovers) the store; never throws for a broken or unwritable store. */
  static AppRuntime start(AppOptions options, TaskRunner tasks) {
    return start(options, tasks, DocumentServices::buildValidator);
  }

  /**
   * As {@link #start(AppOptions, TaskRunner)}, with the way the document checker is built (tests
   * share one per JVM).
   */
  static AppRuntime start(
      AppOptions options,
      TaskRunner tasks,
      java.util.function.BiFunction<
              FhirContext,
              Path,
              java.util.concurrent.CompletableFuture<
                  uz.dhp.forms.document.validation.DocumentValidator>>
          validators) {
    Path dataDir =
        options.dataDir().orElseGet(() -> StoreLocation.forCurrentUser(null).toAbsolutePath());
    StoreOpenOutcome outcome = new StoreOpener(Clock.systemUTC()).open(dataDir);
    Store store = null;
    StartupNotice notice = null;
    if (outcome instanceof StoreOpenOutcome.Opened o) {
      store = o.store();
    } else if (outcome instanceof StoreOpenOutcome.RecoveredFromCorruption r) {
      store = r.store();
      LOG.warn("Store recovered: {} ({}); old file kept aside", r.reasonKey(), r.detail());
      notice = new StartupNotice(r.reasonKey(), List.of(r.movedAside().toString()));
    } else {
      StoreOpenOutcome.Unavailable u = (StoreOpenOutcome.Unavailable) outcome;
      LOG.error("Store unavailable: {} ({})", u.reasonKey(), u.detail());
      notice = new StartupNotice(u.reasonKey(), List.of(u.directory().toString()));
    }

    DraftIndex drafts;
    AppSettings settings;
    if (store != null) {
      drafts =
          new StoreDraftIndex(
              store.drafts(),
              osUser(System.getProperty("user.name", "")),
              IdGenerator.random()::newId,
              AppRuntime::emptyResponse);
      settings = new StoreAppSettings(store.settings());
    } else {
      drafts = new UnavailableDraftIndex(notice);
      settings = new MemorySettings();
    }
    UiLanguage language =
        settings.get(AppSettings.LANGUAGE).flatMap(UiLanguage::fromTag).orElse(UiLanguage.UZ_LATN);
    Supplier<List<FormListing>> forms = new FormDirectory(options.formsDir())::scan;
    Path terminologyDir = (store != null ? store.dataDirectory() : dataDir).resolve("terminology");
    OnDemand<FormServices> formServices =
        new OnDemand<>(
            "dhp-fhir-init", () -> FormServices.load(FhirContext.forR5(), terminologyDir));
    OnDemand<DocumentServices> documentServices;
    if (store != null) {
      Store open = store;
      AppSettings remembered = settings;
      Actor actor = osUser(System.getProperty("user.name", ""));
      documentServices =
          new OnDemand<>(
              "dhp-documents",
              () -> {
                FhirContext fhir = formServices.start().join().fhir();
                return DocumentServices.start(
                    fhir,
                    open,
                    options.formsDir(),
                    remembered,
                    () -> MasterDataSource.read(remembered),
                    syncSettings(remembered).load(),
                    secrets(),
                    actor,
                    Clock.systemUTC(),
                    () -> validators.apply(fhir, open.dataDirectory()));
              });
    } else {
      StartupNotice why = notice;
      documentServices =
          new OnDemand<>(
              "dhp-documents",
              () -> {
                throw new UserFacingFailure(why.key(), "store unavailable", why.args().toArray());
              });
    }
    AppContext context =
        new AppContext(
            new I18n(language),
            tasks,
            drafts,
            settings,
            forms,
            formServices,
            documentServices,
            options.formsDir().toAbsolutePath().toString(),
            store != null ? store.databaseFile().toString() : dataDir.toString(),
            settings
                .get(AppSettings.FONT_SIZE)
                .flatMap(AppRuntime::parseDouble)
                .filter(size -> size >= 8 && size <= 40)
                .orElse(MainWindow.DEFAULT_FONT_SIZE),
            notice,
            options.warmUp(),
            knownPatients(store, documentServices));
    return new AppRuntime(context, Optional.ofNullable(store));
  }

  /**
   * A patient by PINFL: the demographics last finalized on this PC; else the patient as the server
   * knows it, cached for offline use. The server is asked in both cases (query before create, when
   * the document services are up): what it finds is cached with its id, so the next document names
   * the server's patient instead of a new one (ADR 0014).
   */
  private static java.util.function.Function<String, Optional<String>> knownPatients(
      Store store, OnDemand<DocumentServices> documents) {
    if (store == null) {
      return pinfl -> Optional.empty();
    }
    return pinfl -> {
      Optional<String> local =
          store
              .patientIndex()
              .find(pinfl)
              .map(uz.dhp.forms.store.IndexedPatient::resourceJson)
              .filter(json -> json.length() > 2);
      if (local.isPresent()) {
        // Pre-fill at once from this PC; ask the server meanwhile, so that a patient it has is
        // referenced as that patient when the document is finalized (decision 0014).
        Thread lookup = new Thread(() -> lookUp(documents, pinfl), "dhp-patient-lookup");
        lookup.setDaemon(true);
        lookup.start();
        return local;
      }
      lookUp(documents, pinfl);
      return store.patientCache().find(pinfl).map(uz.dhp.forms.store.CachedPatient::resourceJson);
    };
  }

  /** Asks the server for the patient (the answer goes to the patient cache), when it can. */
  private static void lookUp(OnDemand<DocumentServices> documents, String pinfl) {
    try {
      documents.ifReady().ifPresent(d -> d.lookupPatient(pinfl));
    } catch (RuntimeException e) {
      // An unreadable answer from the server must not cost the local pre-fill.
      LOG.warn("Patient lookup failed: {}", e.getClass().getSimpleName());
    }
  }

  /** Where documents are sent and how (kept in the settings; the sandbox by default). */
  static uz.dhp.forms.sync.SyncSettingsRepository syncSettings(AppSettings settings) {
    return new uz.dhp.forms.sync.KeyValueSyncSettings(settings::get, settings::put);
  }

  /**
   * The clinic's client secret for DHP: from the environment ({@code DHP_CLIENT_SECRET}), never
   * from plain settings or files. An OS keychain store is future work.
   */
  static uz.dhp.forms.sync.auth.SecretStore secrets() {
    return new uz.dhp.forms.sync.auth.EnvironmentSecretStore(System.getenv());
  }

  private static Optional<Double> parseDouble(String s) {
    try {
      return Optional.of(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The audit actor for the signed-in OS account (no app log-in yet). Account names may hold spaces
   * or Cyrillic letters, which audit ids do not allow: those become {@code _}.
   */
  static Actor osUser(String accountName) {
    String cleaned = accountName.replaceAll("[^A-Za-z0-9._@-]", "_");
    if (cleaned.isEmpty()) {
      cleaned = "unknown";
    }
    String id = "os:" + cleaned;
    return new Actor(id.length() > 64 ? id.substring(0, 64) : id);
  }

  AppContext context() {
    return context;
  }

  /** The open store, if it opened. */
  Optional<Store> store() {
    return store;
  }

  /** An in-progress QuestionnaireResponse with no answers yet. */
  static String emptyResponse(String questionnaire) {
    return "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"in-progress\","
        + "\"questionnaire\":\""
        + jsonEscape(questionnaire)
        + "\"}";
  }

  private static String jsonEscape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private boolean closed;

  /** Closes the store; safe to call more than once. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      // The outbox must stop before the store closes under it: wait for services still starting.
      context
          .documentServices()
          .ifStarted()
          .ifPresent(
              f -> {
                try {
                  f.get(30, java.util.concurrent.TimeUnit.SECONDS).close();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (java.util.concurrent.ExecutionException
                    | java.util.concurrent.TimeoutException e) {
                  LOG.warn("Document services did not start; closing the store anyway");
                }
              });
      store.ifPresent(Store::close);
    }
  }
}
