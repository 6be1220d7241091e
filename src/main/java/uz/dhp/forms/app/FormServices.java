package uz.dhp.forms.app;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.form.io.FormCatalog;
import uz.dhp.forms.form.io.FormLoader;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.terminology.LocalTerminology;

/**
 * The FHIR side of the app, built once in the background after the window is up: the process-wide
 * R5 context, the code lists imported on this PC, the form engine and the form catalog.
 */
final class FormServices {

  private static final Logger LOG = LoggerFactory.getLogger(FormServices.class);

  private final FhirContext fhir;
  private final LocalTerminology terminology;
  private final FormEngine engine;
  private final FormCatalog catalog;
  private final Path terminologyDir;

  private FormServices(FhirContext fhir, LocalTerminology terminology, Path terminologyDir) {
    this.fhir = fhir;
    this.terminologyDir = terminologyDir;
    this.terminology = terminology;
    this.engine = new FormEngine(fhir, terminology);
    this.catalog = new FormCatalog(new FormLoader(fhir, engine));
  }

  /**
   * Builds the services, reading code lists from {@code terminologyDir}: its {@code *.json}
   * CodeSystems / ValueSets and its {@code *.tgz} FHIR packages. A missing folder means none yet.
   */
  static FormServices load(FhirContext fhir, Path terminologyDir) {
    long t0 = System.nanoTime();
    List<Path> sources = new ArrayList<>();
    if (Files.isDirectory(terminologyDir)) {
      sources.add(terminologyDir);
      try (Stream<Path> files = Files.list(terminologyDir)) {
        files.filter(p -> p.toString().endsWith(".tgz")).sorted().forEach(sources::add);
      } catch (IOException e) {
        LOG.warn("Cannot list the code lists folder {}", terminologyDir, e);
      }
    }
    LocalTerminology.Loaded loaded = LocalTerminology.load(fhir, sources);
    loaded
        .problems()
        .forEach(
            p ->
                LOG.warn(
                    "Code list {} in {} not loaded: {}", p.entry(), p.source(), p.reasonKey()));
    LOG.info(
        "Code lists: {} code systems, {} value sets in {} ms",
        loaded.terminology().codeSystemCount(),
        loaded.terminology().valueSetCount(),
        (System.nanoTime() - t0) / 1_000_000);
    return new FormServices(fhir, loaded.terminology(), terminologyDir);
  }

  /**
   * Imports code lists (CodeSystem / ValueSet JSON, FHIR packages) from each source into this PC's
   * code lists folder; they are used from the next start. Blocking.
   */
  List<uz.dhp.forms.terminology.ImportOutcome> importCodeLists(List<Path> sources) {
    uz.dhp.forms.terminology.TerminologyImport importer =
        new uz.dhp.forms.terminology.TerminologyImport(fhir);
    List<uz.dhp.forms.terminology.ImportOutcome> outcomes = new ArrayList<>();
    for (Path source : sources) {
      outcomes.add(importer.importFrom(source, terminologyDir));
    }
    return outcomes;
  }

  FhirContext fhir() {
    return fhir;
  }

  FormEngine engine() {
    return engine;
  }

  LocalTerminology terminology() {
    return terminology;
  }

  /** One form of {@code formsDir}, fully checked (to open a draft of it). */
  FormCatalog.Entry form(Path formsDir, String formId) {
    return catalog.entry(formId, formsDir.resolve(formId).resolve(FormCatalog.FILE_NAME));
  }

  /** Every form in {@code formsDir}, fully checked. */
  List<FormListing> scan(Path formsDir) {
    List<FormListing> result = new ArrayList<>();
    for (FormCatalog.Entry e : catalog.scan(formsDir)) {
      if (e instanceof FormCatalog.Entry.Available a) {
        result.add(
            new FormListing.Available(
                a.formId(),
                a.version() == null ? "" : a.version(),
                a.titles(),
                a.definition(),
                a.warnings().size()));
      } else {
        FormCatalog.Entry.Unavailable u = (FormCatalog.Entry.Unavailable) e;
        result.add(
            new FormListing.Unavailable(u.formId(), u.file(), u.linkId(), u.reasonKey(), u.args()));
      }
    }
    return result;
  }
}
