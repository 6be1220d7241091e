package uz.dhp.forms.form.io;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.terminology.LocalTerminology;
import uz.dhp.forms.terminology.TerminologySource;

/** Every form shipped in forms/ loads; broken ones are listed as unavailable, not thrown. */
class FormCatalogTest {

  static FhirContext ctx;
  static TerminologySource terminology;
  static boolean sharedTerminology;

  @BeforeAll
  static void setUp() {
    ctx = FhirContext.forR5();
    String shared = System.getProperty("dhp.shared.dir");
    Path dir = shared == null ? null : Path.of(shared, "terminology");
    sharedTerminology = dir != null && Files.isDirectory(dir);
    if (sharedTerminology) {
      // The national forms bind to DHP value sets: the terminology folder plus the DHP packages.
      List<Path> sources = new java.util.ArrayList<>(List.of(dir));
      for (String pkg : List.of("uz.dhp.core-0.8.0.tgz", "uz.dhp.integrations-0.8.0.tgz")) {
        Path p = Path.of(shared, "fhir-packages", pkg);
        if (Files.isRegularFile(p)) {
          sources.add(p);
        }
      }
      terminology = LocalTerminology.load(ctx, sources).terminology();
    } else {
      terminology = TerminologySource.none();
    }
  }

  static FormCatalog catalog() {
    return new FormCatalog(new FormLoader(ctx, new FormEngine(ctx, terminology)));
  }

  @Test
  void everyShippedFormIsAvailable() {
    String formsDir = System.getProperty("dhp.forms.dir");
    Assumptions.assumeTrue(formsDir != null, "dhp.forms.dir not set (run through Surefire)");
    Assumptions.assumeTrue(
        sharedTerminology, "shared terminology absent: national forms cannot resolve value sets");
    List<FormCatalog.Entry> entries = catalog().scan(Path.of(formsDir));
    assertThat(entries).isNotEmpty();
    assertThat(entries)
        .as("unavailable forms")
        .filteredOn(e -> e instanceof FormCatalog.Entry.Unavailable)
        .isEmpty();
    assertThat(entries).extracting(FormCatalog.Entry::formId).contains("sample-vitals");
  }

  @Test
  void brokenAndMissingFilesAreListedWithAReason(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("a-broken"));
    Files.writeString(dir.resolve("a-broken/questionnaire.json"), "{ not json");
    Files.createDirectories(dir.resolve("b-empty"));
    Files.createDirectories(dir.resolve("c-good"));
    Files.writeString(
        dir.resolve("c-good/questionnaire.json"),
        "{\"resourceType\":\"Questionnaire\",\"status\":\"draft\",\"title\":\"T\",\"version\":\"2\","
            + "\"item\":[{\"linkId\":\"a\",\"type\":\"string\",\"text\":\"A\"}]}");

    List<FormCatalog.Entry> entries = catalog().scan(dir);

    assertThat(entries).hasSize(3);
    assertThat(entries.get(0))
        .isInstanceOfSatisfying(
            FormCatalog.Entry.Unavailable.class,
            u -> assertThat(u.reasonKey()).isEqualTo("form.check.malformedJson"));
    assertThat(entries.get(1))
        .isInstanceOfSatisfying(
            FormCatalog.Entry.Unavailable.class,
            u -> assertThat(u.reasonKey()).isEqualTo("form.check.missingFile"));
    assertThat(entries.get(2))
        .isInstanceOfSatisfying(
            FormCatalog.Entry.Available.class,
            a -> {
              assertThat(a.version()).isEqualTo("2");
              assertThat(a.titles()).containsEntry("", "T");
            });
  }
}
