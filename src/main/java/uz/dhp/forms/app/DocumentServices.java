package uz.dhp.forms.app;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.document.DocumentService;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.validation.DocumentValidator;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.support.IdGenerator;
import uz.dhp.forms.sync.BackoffPolicy;
import uz.dhp.forms.sync.DhpGateway;
import uz.dhp.forms.sync.OutboxReasons;
import uz.dhp.forms.sync.OutboxService;

/**
 * Everything after the form: the document checker (built once, in the background), finalizing,
 * signing and the outbox. Built after the form services, off the FX thread; closed at exit.
 */
final class DocumentServices implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentServices.class);

  /** Imported FHIR packages (UZ Core, DHP integrations) are read from here. */
  static final String PACKAGES_DIR = "fhir-packages";

  /**
   * Signing page URL of DHP (setting, or {@code -Ddhp.signing.url}); blank or absent: the sandbox
   * signer.
   */
  static final String SIGNING_URL = "signing.url";

  private volatile CompletableFuture<DocumentValidator> validator;
  private final java.util.function.Supplier<CompletableFuture<DocumentValidator>> validators;
  private final DocumentService documents;
  private final DocumentWorkflow workflow;
  private final Optional<SigningSetup> signing;
  private final OutboxService outbox;
  private final OutboxReasons reasons;
  // Replaced when the clinic chooses another server (switchServer).
  private volatile uz.dhp.forms.sync.patient.PatientLookupService patients;
  private final ServerSwitch serverSwitch;

  private DocumentServices(
      java.util.function.Supplier<CompletableFuture<DocumentValidator>> validators,
      CompletableFuture<DocumentValidator> validator,
      DocumentService documents,
      DocumentWorkflow workflow,
      Optional<SigningSetup> signing,
      OutboxService outbox,
      FhirContext fhir,
      uz.dhp.forms.sync.patient.PatientLookupService patients,
      ServerSwitch serverSwitch) {
    this.patients = patients;
    this.serverSwitch = serverSwitch;
    this.reasons = new OutboxReasons(fhir);
    this.validators = validators;
    this.validator = validator;
    this.documents = documents;
    this.workflow = workflow;
    this.signing = signing;
    this.outbox = outbox;
  }

  /**
   * Starts building the document checker on a low-priority daemon thread, with the FHIR packages
   * imported into {@code dataDir}/{@value #PACKAGES_DIR} (or given by {@code -Ddhp.fhir.packages}).
   */
  static CompletableFuture<DocumentValidator> buildValidator(FhirContext fhir, Path dataDir) {
    Path packages = dataDir.resolve(PACKAGES_DIR);
    // Packages imported with "Import code lists" land in the code lists folder: use them too.
    Path imported = dataDir.resolve("terminology");
    Optional<Path> packageDir =
        Optional.of(packages)
            .filter(Files::isDirectory)
            .or(() -> Optional.of(imported).filter(DocumentServices::hasPackages))
            .or(DocumentServices::packagesProperty);
    return DocumentValidator.build(
        fhir,
        packageDir,
        r -> {
          Thread t = new Thread(r, "dhp-validator-init");
          t.setDaemon(true);
          t.setPriority(Thread.MIN_PRIORITY);
          t.start();
        });
  }

  static DocumentServices start(
      FhirContext fhir,
      Store store,
      Path formsDir,
      AppSettings settings,
      Supplier<Optional<ClinicMasterData>> masterData,
      uz.dhp.forms.sync.SyncSettings sync,
      uz.dhp.forms.sync.auth.SecretStore secrets,
      Actor actor,
      Clock clock,
      Supplier<CompletableFuture<DocumentValidator>> validators) {
    Path dataDir = store.dataDirectory();
    CompletableFuture<DocumentValidator> validator = validators.get();
    DocumentService documents = new DocumentService(fhir, clock, IdGenerator.random(), validator);
    // The base is read at each finalize: documents name a server's patient only on that server.
    DocumentWorkflow workflow =
        new DocumentWorkflow(
            store,
            documents,
            new uz.dhp.forms.signing.DocumentCanonicalizer(fhir),
            formsDir,
            masterData,
            actor,
            IdGenerator.random(),
            new ServerPatientIdentity(
                store.patientCache(),
                () -> AppRuntime.syncSettings(settings).load().baseUrl().toString()));
    Optional<SigningSetup> signing = Optional.empty();
    try {
      signing =
          Optional.of(
              SigningSetup.start(
                  fhir,
                  dataDir,
                  settings
                      .get(SIGNING_URL)
                      .or(() -> Optional.ofNullable(System.getProperty("dhp.signing.url")))
                      .orElse(""),
                  dataDir.resolve("trust-anchors"),
                  clock));
    } catch (IOException | RuntimeException e) {
      LOG.warn("Signing unavailable: {}", e.getClass().getSimpleName());
    }
    ServerSwitch serverSwitch = new ServerSwitch(fhir, store, secrets, clock);
    OutboxService outbox =
        new OutboxService(
            store.outbox(),
            store.documents(),
            serverSwitch.gateway(sync),
            BackoffPolicy.defaults(),
            BackoffPolicy.defaults(),
            clock,
            new Random(),
            2);
    outbox.start();
    return new DocumentServices(
        validators,
        validator,
        documents,
        workflow,
        signing,
        outbox,
        fhir,
        serverSwitch.patients(sync),
        serverSwitch);
  }

  /**
   * The clinic saved other server settings: waiting documents go to the new server at once, and
   * patients are looked up there (no restart). Blocking (a store call): not on the FX thread.
   */
  void switchServer(uz.dhp.forms.sync.SyncSettings sync) {
    patients = serverSwitch.patients(sync);
    outbox.switchServer(serverSwitch.gateway(sync));
    LOG.info("Server settings applied");
  }

  /**
   * FHIR packages were imported: builds the document checker again in the background with them and
   * checks with it once built. Returns the new build.
   */
  CompletableFuture<DocumentValidator> reloadValidator() {
    CompletableFuture<DocumentValidator> next = validators.get();
    validator = next;
    documents.useValidator(next);
    return next;
  }

  /** Builds what talks to the server from the settings (at start and on every switch). */
  private record ServerSwitch(
      FhirContext fhir, Store store, uz.dhp.forms.sync.auth.SecretStore secrets, Clock clock) {

    DhpGateway gateway(uz.dhp.forms.sync.SyncSettings sync) {
      return new DhpGateway(sync.serverConfig(), fhir, sync.tokenSource(secrets, clock));
    }

    uz.dhp.forms.sync.patient.PatientLookupService patients(uz.dhp.forms.sync.SyncSettings sync) {
      return new uz.dhp.forms.sync.patient.PatientLookupService(
          fhir, sync.baseUrl().toString(), sync.tokenSource(secrets, clock), store.patientCache());
    }
  }

  private static boolean hasPackages(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".tgz"));
    } catch (IOException e) {
      return false;
    }
  }

  /** A package folder given with {@code -Ddhp.fhir.packages=DIR} (development, tests). */
  private static Optional<Path> packagesProperty() {
    return Optional.ofNullable(System.getProperty("dhp.fhir.packages"))
        .filter(s -> !s.isBlank())
        .map(Path::of)
        .filter(Files::isDirectory);
  }

  CompletableFuture<DocumentValidator> validator() {
    return validator;
  }

  DocumentWorkflow workflow() {
    return workflow;
  }

  Optional<SigningSetup> signing() {
    return signing;
  }

  OutboxService outbox() {
    return outbox;
  }

  /**
   * Looks the patient up on the server by PINFL (query before create); a copy found is cached for
   * offline use. Blocking, a network call.
   */
  uz.dhp.forms.sync.patient.PatientLookupOutcome lookupPatient(String pinfl) {
    return patients.lookup(pinfl);
  }

  /** Readable texts for the server's answers (the outbox screen). */
  OutboxReasons reasons() {
    return reasons;
  }

  @Override
  public void close() {
    outbox.close();
    signing.ifPresent(SigningSetup::close);
  }
}
