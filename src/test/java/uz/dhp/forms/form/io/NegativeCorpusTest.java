package uz.dhp.forms.form.io;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.terminology.TerminologySource;

/**
 * Each broken form file (src/test/resources/.../negative, listed in expected.csv) is rejected with
 * the exact reason key and item, and nothing throws.
 */
class NegativeCorpusTest {

  private static final String DIR = "/uz/dhp/forms/form/io/negative/";
  static FormLoader loader;

  @BeforeAll
  static void setUp() {
    FhirContext ctx = FhirContext.forR5();
    loader = new FormLoader(ctx, new FormEngine(ctx, TerminologySource.none()));
  }

  static Stream<Arguments> corpus() throws IOException {
    return read("expected.csv")
        .lines()
        .filter(l -> !l.startsWith("#") && !l.isBlank())
        .map(l -> l.split(",", -1))
        .map(p -> Arguments.of(p[0], p[1], p[2].isEmpty() ? null : p[2]));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("corpus")
  void brokenFileIsRejectedWithPreciseReason(String file, String reasonKey, String linkId)
      throws IOException {
    LoadOutcome outcome = loader.parse("neg", read(file));

    assertThat(outcome).isInstanceOf(LoadOutcome.Rejected.class);
    FormProblem p = ((LoadOutcome.Rejected) outcome).problem();
    assertThat(p.reasonKey()).as("reason of %s (args %s)", file, p.args()).isEqualTo(reasonKey);
    assertThat(p.linkId()).as("linkId of %s", file).isEqualTo(linkId);
  }

  @org.junit.jupiter.api.Test
  void corpusHasAtLeastTwentyKinds() throws IOException {
    assertThat(corpus().map(a -> a.get()[1]).distinct().count()).isGreaterThanOrEqualTo(20);
  }

  private static String read(String name) throws IOException {
    try (InputStream in = NegativeCorpusTest.class.getResourceAsStream(DIR + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @org.junit.jupiter.api.Test
  void valueSetOfAnExternalStandardLoadsWithAWarning() {
    LoadOutcome outcome =
        loader.parse(
            "w",
            "{\"resourceType\":\"Questionnaire\",\"status\":\"draft\",\"item\":[{\"linkId\":\"site\","
                + "\"type\":\"coding\",\"answerValueSet\":\"http://hl7.org/fhir/ValueSet/body-site\"}]}");
    assertThat(outcome).isInstanceOf(LoadOutcome.Loaded.class);
    assertThat(((LoadOutcome.Loaded) outcome).warnings())
        .extracting(FormProblem::reasonKey, FormProblem::linkId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("form.check.valueSet.incomplete", "site"));
  }
}
