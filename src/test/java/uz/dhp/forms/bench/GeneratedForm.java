package uz.dhp.forms.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A synthetic 700-item Questionnaire shaped like a large clinical form: 10 pages of 70 items with
 * every common type, 150 enableWhen, 50 calculatedExpressions that all depend on one decimal on the
 * first page (a keystroke there is the worst case), and a repeating table per page.
 */
final class GeneratedForm {

  static final int PAGES = 10;
  static final String DRIVER = "p0.q2";
  private static final String[] TYPES = {
    "string",
    "integer",
    "decimal",
    "date",
    "boolean",
    "coding",
    "coding",
    "text",
    "quantity",
    "dateTime"
  };
  private static final ObjectMapper JSON = new ObjectMapper();

  private GeneratedForm() {}

  static String json() {
    ObjectNode q = JSON.createObjectNode();
    q.put("resourceType", "Questionnaire");
    q.put("url", "https://forms.dhp.uz/fhir/Questionnaire/generated-700");
    q.put("version", "1.0.0");
    q.put("status", "draft");
    q.put("title", "Generated 700");
    ArrayNode items = q.putArray("item");
    for (int k = 0; k < PAGES; k++) {
      ObjectNode page = items.addObject();
      page.put("linkId", "p" + k);
      page.put("type", "group");
      page.put("text", "Page " + k);
      control(page, "page");
      ArrayNode children = page.putArray("item");
      ObjectNode flag = children.addObject();
      flag.put("linkId", "p" + k + ".flag");
      flag.put("type", "boolean");
      flag.put("text", "Show optional questions " + k);
      for (int j = 0; j < 59; j++) {
        children.add(question(k, j));
      }
      for (int m = 0; m < 5; m++) {
        ObjectNode c = children.addObject();
        c.put("linkId", "p" + k + ".c" + m);
        c.put("type", "decimal");
        c.put("text", "Calculated " + k + "." + m);
        c.put("readOnly", true);
        ObjectNode ext = c.putArray("extension").addObject();
        ext.put(
            "url",
            "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression");
        ObjectNode expr = ext.putObject("valueExpression");
        expr.put("language", "text/fhirpath");
        expr.put(
            "expression",
            "%resource.repeat(item).where(linkId='"
                + DRIVER
                + "').answer.value.first() * "
                + (m + 1)
                + " + "
                + k);
      }
      ObjectNode table = children.addObject();
      table.put("linkId", "p" + k + ".rows");
      table.put("type", "group");
      table.put("text", "Table " + k);
      table.put("repeats", true);
      control(table, "gtable");
      ArrayNode cols = table.putArray("item");
      String[] colTypes = {"string", "integer", "date"};
      for (int c = 0; c < 3; c++) {
        ObjectNode col = cols.addObject();
        col.put("linkId", "p" + k + ".rows.c" + c);
        col.put("type", colTypes[c]);
        col.put("text", "Column " + c);
      }
    }
    return q.toString();
  }

  private static ObjectNode question(int k, int j) {
    ObjectNode it = JSON.createObjectNode();
    String type = TYPES[j % TYPES.length];
    it.put("linkId", "p" + k + ".q" + j);
    it.put("type", type);
    it.put("text", "Question " + k + "." + j + " (" + type + ")");
    if (j % 5 == 0) {
      it.put("required", true);
    }
    if (type.equals("coding")) {
      ArrayNode opts = it.putArray("answerOption");
      int n = j % 2 == 0 ? 4 : 8;
      for (int o = 0; o < n; o++) {
        ObjectNode coding = opts.addObject().putObject("valueCoding");
        coding.put("system", "urn:dhp:generated");
        coding.put("code", "o" + o);
        coding.put("display", "Option " + o);
      }
    }
    if (type.equals("quantity")) {
      ObjectNode ext = it.putArray("extension").addObject();
      ext.put("url", "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption");
      ObjectNode u = ext.putObject("valueCoding");
      u.put("system", "http://unitsofmeasure.org");
      u.put("code", "kg");
      u.put("display", "kg");
    }
    if (j % 4 == 1 && j < 60) {
      ObjectNode ew = it.putArray("enableWhen").addObject();
      ew.put("question", "p" + k + ".flag");
      ew.put("operator", "=");
      ew.put("answerBoolean", true);
    }
    return it;
  }

  private static void control(ObjectNode item, String code) {
    ObjectNode ext = item.withArray("extension").addObject();
    ext.put("url", "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl");
    ObjectNode coding = ext.putObject("valueCodeableConcept").putArray("coding").addObject();
    coding.put("system", "http://hl7.org/fhir/questionnaire-item-control");
    coding.put("code", code);
  }

  /** Items in the generated form (for the report). */
  static int itemCount() {
    return PAGES * (1 + 1 + 59 + 5 + 1 + 3);
  }
}
