package uz.dhp.forms.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.Enumerations.FilterOperator;
import org.hl7.fhir.r5.model.ValueSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Expansion of value sets from local resources, and type-ahead over them. */
class LocalTerminologyTest {

  static FhirContext ctx;

  @BeforeAll
  static void setUp() {
    ctx = FhirContext.forR5();
  }

  static Path shared(String sub) {
    String dir = System.getProperty("dhp.shared.dir");
    Assumptions.assumeTrue(
        dir != null && Files.isDirectory(Path.of(dir, sub)), "shared " + sub + " not available");
    return Path.of(dir, sub);
  }

  @Test
  void nationalValueSetsExpandWithUzbekAndRussianDisplays() {
    LocalTerminology.Loaded loaded = LocalTerminology.load(ctx, List.of(shared("terminology")));
    assertThat(loaded.problems()).isEmpty();
    LocalTerminology t = loaded.terminology();
    assertThat(t.codeSystemCount()).isGreaterThan(20);

    ValueSetExpansion lie =
        t.expand("https://terminology.dhp.uz/fhir/integrations/ValueSet/fetal-lie-vs")
            .orElseThrow();
    assertThat(lie.concepts())
        .extracting(Concept::code)
        .containsExactly("chr-0045-0001", "chr-0045-0002", "chr-0045-0003");
    Concept first = lie.concepts().get(0);
    assertThat(first.display("uz")).isEqualTo("Uzunasiga");
    assertThat(first.display("uz-Cyrl"))
        .isEqualTo("Uzunasiga"); // no Cyrillic designation: falls back to uz
    assertThat(first.display("ru")).isEqualTo("Продольное");
    assertThat(first.display("en")).isEqualTo("Longitudinal");

    assertThat(lie.search("прод", "ru", 10))
        .extracting(Concept::code)
        .containsExactly("chr-0045-0001");
    // Typed in Cyrillic script, matched against the Latin-script Uzbek display.
    assertThat(lie.search("узун", "uz", 10))
        .extracting(Concept::code)
        .containsExactly("chr-0045-0001");
    assertThat(lie.search("0045-0002", "uz", 10))
        .extracting(Concept::code)
        .containsExactly("chr-0045-0002");
  }

  @Test
  void fhirPackageLoads() {
    Path pkg = shared("fhir-packages").resolve("uz.dhp.core-0.8.0.tgz");
    Assumptions.assumeTrue(Files.isRegularFile(pkg), "package not present");
    LocalTerminology.Loaded loaded = LocalTerminology.load(ctx, List.of(pkg));
    assertThat(loaded.terminology().codeSystemCount() + loaded.terminology().valueSetCount())
        .isGreaterThan(0);
  }

  @Test
  void composeIsAFilterIncludedValueSetAndExclude() {
    CodeSystem cs = new CodeSystem();
    cs.setUrl("urn:cs");
    var root = cs.addConcept().setCode("A").setDisplay("Root");
    root.addConcept()
        .setCode("A1")
        .setDisplay("Child one")
        .addDesignation()
        .setLanguage("ru")
        .setValue("Первый");
    root.addConcept().setCode("A2").setDisplay("Child two");
    cs.addConcept().setCode("B").setDisplay("Other");

    ValueSet isA = new ValueSet();
    isA.setUrl("urn:vs:isa");
    isA.getCompose()
        .addInclude()
        .setSystem("urn:cs")
        .addFilter()
        .setProperty("concept")
        .setOp(FilterOperator.ISA)
        .setValue("A");
    ValueSet minus = new ValueSet();
    minus.setUrl("urn:vs:minus");
    minus.getCompose().addInclude().addValueSet("urn:vs:isa");
    minus.getCompose().addExclude().setSystem("urn:cs").addConcept().setCode("A2");
    ValueSet whole = new ValueSet();
    whole.setUrl("urn:vs:whole");
    whole.getCompose().addInclude().setSystem("urn:cs");
    ValueSet unknown = new ValueSet();
    unknown.setUrl("urn:vs:unknown");
    unknown.getCompose().addInclude().setSystem("urn:nowhere");

    LocalTerminology t = LocalTerminology.of(List.of(cs), List.of(isA, minus, whole, unknown));

    assertThat(t.expand("urn:vs:isa").orElseThrow().concepts())
        .extracting(Concept::code)
        .containsExactly("A", "A1", "A2");
    assertThat(t.expand("urn:vs:minus|1.0").orElseThrow().concepts())
        .extracting(Concept::code)
        .containsExactly("A", "A1");
    assertThat(t.expand("urn:vs:whole").orElseThrow().concepts()).hasSize(4);
    ValueSetExpansion partial = t.expand("urn:vs:unknown").orElseThrow();
    assertThat(partial.isComplete()).isFalse();
    assertThat(partial.missingSystems()).containsExactly("urn:nowhere");
    assertThat(t.expand("urn:vs:isa").orElseThrow().isComplete()).isTrue();
    assertThat(t.expand("urn:vs:absent")).isEmpty();
    assertThat(t.lookup("urn:cs", "A1").orElseThrow().display("ru")).isEqualTo("Первый");
  }

  @Test
  void brokenFilesAreReportedAndSkipped(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("CodeSystem-bad.json"), "{ nope");
    Files.writeString(
        dir.resolve("CodeSystem-ok.json"),
        "{\"resourceType\":\"CodeSystem\",\"url\":\"urn:ok\",\"status\":\"active\",\"content\":\"complete\",\"concept\":[{\"code\":\"x\",\"display\":\"X\"}]}");
    LocalTerminology.Loaded loaded =
        LocalTerminology.load(ctx, List.of(dir, dir.resolve("missing.zip")));
    assertThat(loaded.problems())
        .extracting(LocalTerminology.Problem::reasonKey)
        .containsExactlyInAnyOrder("form.terminology.unreadable", "form.terminology.unknownSource");
    assertThat(loaded.terminology().knowsCodeSystem("urn:ok")).isTrue();
  }
}
