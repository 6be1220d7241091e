package uz.dhp.forms.form.ui;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.io.FormLoader;
import uz.dhp.forms.form.io.LoadOutcome;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.terminology.LocalTerminology;
import uz.dhp.forms.terminology.TerminologySource;

/** Loads the repository's forms with the shared terminology, as the app would. */
final class FormFixtures {

  private FormFixtures() {}

  static FhirContext ctx() {
    return FhirContext.forR5Cached();
  }

  /** Terminology from ../shared (directory and packages), or none when it is absent. */
  static TerminologySource terminology() {
    String shared = System.getProperty("dhp.shared.dir");
    if (shared == null) {
      return TerminologySource.none();
    }
    List<Path> sources = new ArrayList<>();
    Path dir = Path.of(shared, "terminology");
    if (Files.isDirectory(dir)) {
      sources.add(dir);
    }
    for (String pkg : List.of("uz.dhp.core-0.8.0.tgz", "uz.dhp.integrations-0.8.0.tgz")) {
      Path p = Path.of(shared, "fhir-packages", pkg);
      if (Files.isRegularFile(p)) {
        sources.add(p);
      }
    }
    return sources.isEmpty()
        ? TerminologySource.none()
        : LocalTerminology.load(ctx(), sources).terminology();
  }

  static LoadOutcome load(FormEngine engine, String formId) {
    Path file = Path.of(System.getProperty("dhp.forms.dir", "forms"), formId, "questionnaire.json");
    return new FormLoader(ctx(), engine).load(formId, file);
  }

  static FormDefinition definition(FormEngine engine, String formId) {
    LoadOutcome o = load(engine, formId);
    if (o instanceof LoadOutcome.Loaded l) {
      return l.definition();
    }
    throw new IllegalStateException(formId + ": " + o);
  }
}
