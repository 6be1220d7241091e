package uz.dhp.forms.form.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.io.FormLoader;
import uz.dhp.forms.form.io.LoadOutcome;
import uz.dhp.forms.form.rules.FormEngine;

/**
 * A synthetic paged form whose every section is several screens long: {@value #PAGES} pages, each a
 * yes/no switch, {@value #QUESTIONS} text questions (the first required, every fifth shown only
 * when the switch is on) and a closing question; the last page ends with "Second to last field" and
 * the required "Last field of the form". Texts have Russian translations.
 */
final class LargeForm {

  static final int PAGES = 6;
  static final int QUESTIONS = 45;
  static final String BEFORE_LAST = "s5/s5.before";
  static final String LAST = "s5/s5.last";

  private static final ObjectMapper JSON = new ObjectMapper();

  private LargeForm() {}

  static FormDefinition definition(FormEngine engine) {
    LoadOutcome o = new FormLoader(FormFixtures.ctx(), engine).parse("large", json());
    if (o instanceof LoadOutcome.Loaded l) {
      return l.definition();
    }
    throw new IllegalStateException(String.valueOf(o));
  }

  static String json() {
    ObjectNode q = JSON.createObjectNode();
    q.put("resourceType", "Questionnaire");
    q.put("url", "https://forms.dhp.uz/fhir/Questionnaire/test-large");
    q.put("version", "1.0.0");
    q.put("status", "draft");
    q.put("title", "Large test form");
    ArrayNode pages = q.putArray("item");
    for (int k = 0; k < PAGES; k++) {
      ObjectNode page = item(pages, "s" + k, "group", "Section " + k, "Раздел " + k);
      ObjectNode control = page.putArray("extension").addObject();
      control.put("url", "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl");
      ObjectNode coding = control.putObject("valueCodeableConcept").putArray("coding").addObject();
      coding.put("system", "http://hl7.org/fhir/questionnaire-item-control");
      coding.put("code", "page");
      ArrayNode children = page.putArray("item");
      item(children, "s" + k + ".flag", "boolean", "Switch " + k, "Переключатель " + k);
      for (int j = 0; j < QUESTIONS; j++) {
        ObjectNode it =
            item(
                children,
                "s" + k + ".q" + j,
                "string",
                "Field " + k + "." + j,
                "Поле " + k + "." + j);
        if (j == 0) {
          it.put("required", true);
        }
        if (j % 5 == 4) {
          ObjectNode when = it.putArray("enableWhen").addObject();
          when.put("question", "s" + k + ".flag");
          when.put("operator", "=");
          when.put("answerBoolean", true);
        }
      }
      if (k == PAGES - 1) {
        item(children, "s" + k + ".before", "string", "Second to last field", "Предпоследнее поле");
        item(
                children,
                "s" + k + ".last",
                "string",
                "Last field of the form",
                "Последнее поле формы")
            .put("required", true);
      } else {
        item(children, "s" + k + ".end", "string", "Closing field " + k, "Последнее поле " + k);
      }
    }
    return q.toString();
  }

  private static ObjectNode item(ArrayNode into, String linkId, String type, String en, String ru) {
    ObjectNode it = into.addObject();
    it.put("linkId", linkId);
    it.put("type", type);
    it.put("text", en);
    ObjectNode tr = it.putObject("_text").putArray("extension").addObject();
    tr.put("url", "http://hl7.org/fhir/StructureDefinition/translation");
    ArrayNode parts = tr.putArray("extension");
    parts.addObject().put("url", "lang").put("valueCode", "ru");
    parts.addObject().put("url", "content").put("valueString", ru);
    return it;
  }
}
