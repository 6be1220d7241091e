package uz.dhp.forms.document.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Converts QuestionnaireResponse answers into FHIR JSON values. */
final class AnswerValues {

  private AnswerValues() {}

  /** The {@code value[x]} of an answer: its type suffix ("Coding", "String"…) and JSON value. */
  record Typed(String type, JsonNode value) {}

  static Optional<Typed> typed(JsonNode answer) {
    Iterator<Map.Entry<String, JsonNode>> it = answer.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("value")) {
        return Optional.of(new Typed(e.getKey().substring(5), clean(e.getValue())));
      }
    }
    return Optional.empty();
  }

  /** The answer value as it goes into a resource (codings lose their translation extensions). */
  static Optional<JsonNode> value(JsonNode answer) {
    return typed(answer).map(Typed::value);
  }

  private static JsonNode clean(JsonNode value) {
    if (!value.isObject()) {
      return value;
    }
    ObjectNode copy = value.deepCopy();
    copy.remove("_display");
    copy.remove("extension");
    return copy;
  }

  /** Sub-field of a value: {@code code}, {@code display}, {@code system}, {@code value}… */
  static Optional<JsonNode> part(JsonNode value, String part) {
    JsonNode p = value.path(part);
    return p.isMissingNode() || p.isNull() ? Optional.empty() : Optional.of(p);
  }

  /** Plain text of a value for joining into names and notes. */
  static String text(JsonNode value) {
    if (value.isValueNode()) {
      return value.asText();
    }
    if (value.has("display")) {
      return value.path("display").asText();
    }
    if (value.has("value")) {
      return value.path("value").asText() + " " + value.path("unit").asText("");
    }
    return value.toString();
  }

  /**
   * The Observation {@code value[x]} / component {@code value[x]} element name and value for an
   * answer, following SDC observation-based extraction.
   */
  static Optional<Map.Entry<String, JsonNode>> observationValue(
      JsonNode answer, boolean textAsConcept) {
    return typed(answer)
        .map(
            t ->
                switch (t.type()) {
                  case "Coding" -> Map.entry("valueCodeableConcept", concept(t.value()));
                  case "Date" -> Map.entry("valueDateTime", t.value());
                  case "String", "Text" ->
                      textAsConcept
                          ? Map.entry(
                              "valueCodeableConcept", (JsonNode) conceptText(t.value().asText()))
                          : Map.entry("valueString", t.value());
                  default -> Map.entry("value" + t.type(), t.value());
                });
  }

  static ObjectNode concept(JsonNode coding) {
    ObjectNode cc = JsonNodeFactory.instance.objectNode();
    cc.putArray("coding").add(coding);
    return cc;
  }

  static ObjectNode conceptText(String text) {
    ObjectNode cc = JsonNodeFactory.instance.objectNode();
    cc.put("text", text);
    return cc;
  }
}
