package uz.dhp.forms.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import uz.dhp.forms.document.extract.QuestionnaireIndex;

/**
 * Builds a QuestionnaireResponse the way a form engine would, item by item, typed by the
 * questionnaire: values are given as text ("178 cm", "PractitionerRole/att", "code" of an
 * answerOption or "system|code|display") and converted to the item's answer type.
 */
public final class ResponseBuilder {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final QuestionnaireIndex q;
  private final Map<String, List<Object>> values = new LinkedHashMap<>();
  private final Map<String, List<ResponseBuilder>> repetitions = new LinkedHashMap<>();

  public ResponseBuilder(QuestionnaireIndex q) {
    this.q = q;
  }

  public ResponseBuilder set(String linkId, Object... answers) {
    if (q.item(linkId).isEmpty()) {
      throw new IllegalArgumentException("no item " + linkId);
    }
    values.computeIfAbsent(linkId, k -> new ArrayList<>()).addAll(List.of(answers));
    return this;
  }

  public ResponseBuilder remove(String linkId) {
    values.remove(linkId);
    return this;
  }

  /** Adds one repetition of a repeating group, filled by {@code fill}. */
  public ResponseBuilder repeat(String groupLinkId, Consumer<ResponseBuilder> fill) {
    if (q.item(groupLinkId).isEmpty()) {
      throw new IllegalArgumentException("no item " + groupLinkId);
    }
    ResponseBuilder rep = new ResponseBuilder(q);
    fill.accept(rep);
    repetitions.computeIfAbsent(groupLinkId, k -> new ArrayList<>()).add(rep);
    return this;
  }

  public ObjectNode build() {
    ObjectNode qr = F.objectNode();
    qr.put("resourceType", "QuestionnaireResponse");
    qr.put(
        "questionnaire", q.json().path("url").asText() + "|" + q.json().path("version").asText());
    qr.put("status", "completed");
    ArrayNode items = items(q.json().path("item"));
    qr.set("item", items);
    return qr;
  }

  private ArrayNode items(JsonNode qItems) {
    ArrayNode out = F.arrayNode();
    for (JsonNode qi : qItems) {
      String linkId = qi.path("linkId").asText();
      if ("group".equals(qi.path("type").asText())) {
        List<ResponseBuilder> reps = repetitions.get(linkId);
        if (reps != null) {
          for (ResponseBuilder r : reps) {
            ArrayNode children = r.items(qi.path("item"));
            if (!children.isEmpty()) {
              ObjectNode g = out.addObject();
              g.put("linkId", linkId);
              g.set("item", children);
            }
          }
        } else {
          ArrayNode children = items(qi.path("item"));
          if (!children.isEmpty()) {
            ObjectNode g = out.addObject();
            g.put("linkId", linkId);
            g.set("item", children);
          }
        }
        continue;
      }
      List<Object> vs = values.get(linkId);
      if (vs == null || vs.isEmpty()) {
        continue;
      }
      ObjectNode item = out.addObject();
      item.put("linkId", linkId);
      ArrayNode answers = item.putArray("answer");
      for (Object v : vs) {
        answers.addObject().set(valueName(qi), value(qi, v));
      }
    }
    return out;
  }

  private static String valueName(JsonNode qi) {
    return switch (qi.path("type").asText()) {
      case "string", "text" -> "valueString";
      case "integer" -> "valueInteger";
      case "decimal" -> "valueDecimal";
      case "boolean" -> "valueBoolean";
      case "date" -> "valueDate";
      case "dateTime" -> "valueDateTime";
      case "time" -> "valueTime";
      case "coding" -> "valueCoding";
      case "quantity" -> "valueQuantity";
      case "reference" -> "valueReference";
      case "attachment" -> "valueAttachment";
      default -> throw new IllegalArgumentException("type " + qi.path("type").asText());
    };
  }

  private static JsonNode value(JsonNode qi, Object v) {
    String s = String.valueOf(v);
    switch (qi.path("type").asText()) {
      case "integer":
        return F.numberNode(Integer.parseInt(s));
      case "decimal":
        return F.numberNode(new BigDecimal(s));
      case "boolean":
        return F.booleanNode(Boolean.parseBoolean(s));
      case "coding":
        return coding(qi, s);
      case "quantity":
        return quantity(qi, s);
      case "reference":
        {
          ObjectNode r = F.objectNode();
          String[] parts = s.split("\\|", 2);
          r.put("reference", parts[0]);
          if (parts.length > 1) {
            r.put("display", parts[1]);
          }
          return r;
        }
      case "attachment":
        {
          ObjectNode a = F.objectNode();
          a.put("contentType", "image/png");
          a.put("title", s);
          return a;
        }
      default:
        return F.textNode(s);
    }
  }

  private static JsonNode coding(JsonNode qi, String s) {
    if (s.contains("|")) {
      String[] p = s.split("\\|", 3);
      ObjectNode c = F.objectNode();
      c.put("system", p[0]);
      c.put("code", p[1]);
      if (p.length > 2) {
        c.put("display", p[2]);
      }
      return c;
    }
    for (JsonNode opt : qi.path("answerOption")) {
      if (s.equals(opt.path("valueCoding").path("code").asText())) {
        return opt.path("valueCoding").deepCopy();
      }
    }
    throw new IllegalArgumentException(qi.path("linkId").asText() + ": no option " + s);
  }

  private static JsonNode quantity(JsonNode qi, String s) {
    String[] p = s.trim().split(" ", 2);
    String unit = p.length > 1 ? p[1] : "";
    ObjectNode quantity = F.objectNode();
    quantity.put("value", new BigDecimal(p[0]));
    for (JsonNode e : qi.path("extension")) {
      if (e.path("url").asText().endsWith("questionnaire-unitOption")) {
        JsonNode c = e.path("valueCoding");
        if (unit.isEmpty() || unit.equals(c.path("code").asText())) {
          quantity.put("unit", c.path("display").asText(c.path("code").asText()));
          quantity.set("system", c.path("system"));
          quantity.set("code", c.path("code"));
          return quantity;
        }
      }
    }
    quantity.put("unit", unit);
    quantity.put("system", "http://unitsofmeasure.org");
    quantity.put("code", unit);
    return quantity;
  }
}
