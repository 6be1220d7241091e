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
 * R5 context, the code lists imported on this PC, the form engine and the form catalog. Importing
 * code lists rebuilds the last three; drafts opened from then on use them (an open one keeps the
 * lists it was opened with).
 */
final class FormServices {

  private static final Logger LOG = LoggerFactory.getLogger(FormServices.class);

  private final FhirContext fhir;
  private final Path terminologyDir;
  private volatile Parts parts;

  /** What depends on the code lists, replaced together. */
  private record Parts(LocalTerminology terminology, FormEngine engine, FormCatalog catalog) {}

  private FormServices(FhirContext fhir, Path terminologyDir) {
    this.fhir = fhir;
    this.terminologyDir = terminologyDir;
    this.parts = parts(fhir, terminologyDir);
  }

  /**
   * Builds the services, reading code lists from {@code terminologyDir}: its {@code *.json}
   * CodeSystems / ValueSets and its {@code *.tgz} FHIR packages. A missing folder means none yet.
   */
  static FormServices load(FhirContext fhir, Path terminologyDir) {
    return new FormServices(fhir, terminologyDir);
  }

  private static Parts parts(FhirContext fhir, Path terminologyDir) {
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
    FormEngine engine = new FormEngine(fhir, loaded.terminology());
    return new Parts(loaded.terminology(), engine, new FormCatalog(new FormLoader(fhir, engine)));
  }

  /**
   * Imports code lists (CodeSystem / ValueSet JSON, FHIR packages) from each source into this PC's
   * code lists folder and, when anything was added, reloads the code lists so that they are used at
   * once. Blocking.
   */
  List<uz.dhp.forms.terminology.ImportOutcome> importCodeLists(List<Path> sources) {
    uz.dhp.forms.terminology.TerminologyImport importer =
        new uz.dhp.forms.terminology.TerminologyImport(fhir);
    List<uz.dhp.forms.terminology.ImportOutcome> outcomes = new ArrayList<>();
    for (Path source : sources) {
      outcomes.add(importer.importFrom(source, terminologyDir));
    }
    if (outcomes.stream()
        .anyMatch(
            o -> o instanceof uz.dhp.forms.terminology.ImportOutcome.Imported i && !i.isEmpty())) {
      parts = parts(fhir, terminologyDir);
    }
    return outcomes;
  }

  FhirContext fhir() {
    return fhir;
  }

  FormEngine engine() {
    return parts.engine();
  }

  LocalTerminology terminology() {
    return parts.terminology();
  }

  /** One form of {@code formsDir}, fully checked (to open a draft of it). */
  FormCatalog.Entry form(Path formsDir, String formId) {
    return parts.catalog().entry(formId, formsDir.resolve(formId).resolve(FormCatalog.FILE_NAME));
  }

  /** Every form in {@code formsDir}, fully checked. */
  List<FormListing> scan(Path formsDir) {
    List<FormListing> result = new ArrayList<>();
    for (FormCatalog.Entry e : parts.catalog().scan(formsDir)) {
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
