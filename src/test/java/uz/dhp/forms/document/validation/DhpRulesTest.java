package uz.dhp.forms.document.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uz.dhp.forms.document.Fixtures;
import uz.dhp.forms.document.Form003Example;
import uz.dhp.forms.document.extract.DocumentExtractor;
import uz.dhp.forms.document.extract.ExtractedDocument;
import uz.dhp.forms.document.extract.FormFiles;
import uz.dhp.forms.document.finding.Finding;
import uz.dhp.forms.support.IdGenerator;

/** Our own document rules, on a real extracted Bundle and on broken copies of it. */
class DhpRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final DhpRules rules = new DhpRules();

  private static ExtractedDocument document() {
    FormFiles form = Fixtures.form("003");
    return new DocumentExtractor(Fixtures.FHIR, Fixtures.clock(), IdGenerator.sequential("rules"))
        .extract(
            new DocumentExtractor.Request(
                form,
                Form003Example.response(form.questionnaire()),
                Fixtures.clinic(),
                "att",
                Optional.empty(),
                "uz"));
  }

  private List<String> keys(ObjectNode bundle, ExtractedDocument d) {
    return rules.check(bundle.toString(), d.sources()).stream().map(Finding::messageKey).toList();
  }

  @Test
  void extractedDocumentPassesEveryRule() {
    ExtractedDocument d = document();
    assertThat(rules.check(d.json(), d.sources())).isEmpty();
  }

  @Test
  void compositionNotFirstAndMissingIdentityAreErrors() throws Exception {
    ExtractedDocument d = document();
    ObjectNode b = (ObjectNode) JSON.readTree(d.json());
    ArrayNode entries = (ArrayNode) b.path("entry");
    entries.add(entries.remove(0));
    b.remove("identifier");
    b.remove("timestamp");
    assertThat(keys(b, d))
        .contains(
            "document.rules.compositionFirst",
            "document.rules.bundleIdentifier",
            "document.rules.timestamp");
  }

  @Test
  void danglingReferenceIsAnErrorAtTheFieldThatMadeIt() throws Exception {
    ExtractedDocument d = document();
    ObjectNode b = (ObjectNode) JSON.readTree(d.json());
    ArrayNode entries = (ArrayNode) b.path("entry");
    // drop the Location of the department: the Encounter's location reference now dangles
    for (int i = 0; i < entries.size(); i++) {
      ObjectNode r = (ObjectNode) entries.get(i).path("resource");
      if ("Location".equals(r.path("resourceType").asText()) && !r.has("partOf")) {
        entries.remove(i);
        break;
      }
    }
    List<Finding> found = rules.check(b.toString(), d.sources());
    assertThat(found)
        .filteredOn(f -> f.messageKey().equals("document.rules.unresolvedReference"))
        .extracting(f -> f.linkId().orElse(""))
        .contains("003.admin.department");
  }
}
