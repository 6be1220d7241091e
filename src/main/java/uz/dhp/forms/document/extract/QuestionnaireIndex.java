package uz.dhp.forms.document.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The questionnaire's items by linkId, with localized labels and answer-option displays. */
public final class QuestionnaireIndex {

  static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
  static final String OBSERVATION_EXTRACT =
      "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract";

  /** One questionnaire item. */
  public record Item(String linkId, JsonNode json, String parentLinkId) {
    public String type() {
      return json.path("type").asText();
    }

    public String definition() {
      return json.path("definition").asText("");
    }

    public boolean required() {
      return json.path("required").asBoolean(false);
    }

    public boolean repeats() {
      return json.path("repeats").asBoolean(false);
    }

    /** True when the item shows only under a condition the form engine evaluates. */
    public boolean conditional() {
      if (json.has("enableWhen")) {
        return true;
      }
      for (JsonNode e : json.path("extension")) {
        if (e.path("url").asText().endsWith("enableWhenExpression")) {
          return true;
        }
      }
      return false;
    }

    public boolean observationExtract() {
      for (JsonNode e : json.path("extension")) {
        if (OBSERVATION_EXTRACT.equals(e.path("url").asText())
            && e.path("valueBoolean").asBoolean()) {
          return true;
        }
      }
      return false;
    }

    public List<JsonNode> codes() {
      List<JsonNode> codes = new ArrayList<>();
      json.path("code").forEach(codes::add);
      return codes;
    }
  }

  private final JsonNode questionnaire;
  private final Map<String, Item> items = new LinkedHashMap<>();

  public QuestionnaireIndex(JsonNode questionnaire) {
    this.questionnaire = questionnaire;
    index(questionnaire.path("item"), "");
  }

  private void index(JsonNode list, String parent) {
    for (JsonNode it : list) {
      String linkId = it.path("linkId").asText();
      items.put(linkId, new Item(linkId, it, parent));
      index(it.path("item"), linkId);
    }
  }

  public JsonNode json() {
    return questionnaire;
  }

  public Optional<Item> item(String linkId) {
    return Optional.ofNullable(items.get(linkId));
  }

  public Map<String, Item> items() {
    return Collections.unmodifiableMap(items);
  }

  /** Label of an item in {@code lang} (translation extension), else its text. */
  public String label(String linkId, String lang) {
    Item item = items.get(linkId);
    if (item == null) {
      return linkId;
    }
    return translated(item.json(), "text", lang);
  }

  /** Questionnaire title in {@code lang}. */
  public String title(String lang) {
    return translated(questionnaire, "title", lang);
  }

  /** Display of a coded answer in {@code lang}, from the item's answerOption when listed there. */
  public String optionDisplay(String linkId, JsonNode coding, String lang) {
    Item item = items.get(linkId);
    if (item != null) {
      for (JsonNode opt : item.json().path("answerOption")) {
        JsonNode c = opt.path("valueCoding");
        if (c.path("code").asText().equals(coding.path("code").asText())
            && c.path("system").asText().equals(coding.path("system").asText())) {
          return translated(c, "display", lang);
        }
      }
    }
    String display = coding.path("display").asText("");
    return display.isEmpty() ? coding.path("code").asText() : display;
  }

  static String translated(JsonNode element, String field, String lang) {
    for (JsonNode ext : element.path("_" + field).path("extension")) {
      if (!TRANSLATION.equals(ext.path("url").asText())) {
        continue;
      }
      String l = "";
      String content = "";
      for (JsonNode part : ext.path("extension")) {
        if ("lang".equals(part.path("url").asText())) {
          l = part.path("valueCode").asText();
        } else if ("content".equals(part.path("url").asText())) {
          content = part.path("valueString").asText();
        }
      }
      if (l.equalsIgnoreCase(lang) && !content.isEmpty()) {
        return content;
      }
    }
    return element.path(field).asText("");
  }
}
