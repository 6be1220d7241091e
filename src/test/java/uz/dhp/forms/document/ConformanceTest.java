package uz.dhp.forms.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uz.dhp.forms.document.extract.DocumentExtractor;
import uz.dhp.forms.document.extract.FormFiles;
import uz.dhp.forms.support.IdGenerator;

/**
 * The worked examples' values, typed into the forms, give Bundles that match DHP's examples on
 * section contents, codes, identifier systems and profiles — except for the differences listed in
 * docs/decisions/0007-document-conformance.md, which this test pins: a new difference (or a fixed
 * one) fails it.
 */
class ConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "form {0}")
  @ValueSource(strings = {"003", "096"})
  void differencesFromTheWorkedExampleAreTheDocumentedOnes(String number) throws Exception {
    Path shared = Fixtures.sharedDir();
    assumeTrue(shared != null, "needs dhp.shared.dir for DHP's worked examples");
    FormFiles form = Fixtures.form(number);
    JsonNode qr =
        number.equals("003")
            ? Form003Example.response(form.questionnaire())
            : Form096Example.response(form.questionnaire());
    String json =
        new DocumentExtractor(Fixtures.FHIR, Fixtures.clock(), IdGenerator.sequential("c" + number))
            .extract(
                new DocumentExtractor.Request(
                    form,
                    qr,
                    Fixtures.clinic(),
                    number.equals("003") ? "att" : "obgyn",
                    Optional.empty(),
                    "uz"))
            .json();
    JsonNode ours = JSON.readTree(json);
    JsonNode example =
        JSON.readTree(
            Files.readString(shared.resolve("dhp-examples/form-" + number + "-example.json")));
    List<String> diff = ConformanceReport.differences(example, ours);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/conformance-" + number + ".txt"), diff);
    List<String> expected =
        Files.readAllLines(
                Path.of("src/test/resources/conformance/form-" + number + "-differences.txt"))
            .stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .toList();
    assertThat(diff).containsExactlyElementsOf(expected);
  }
}
