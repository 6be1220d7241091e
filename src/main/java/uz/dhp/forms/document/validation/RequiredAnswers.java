package uz.dhp.forms.document.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import uz.dhp.forms.document.extract.QuestionnaireIndex;
import uz.dhp.forms.document.extract.ResponseNode;
import uz.dhp.forms.document.finding.Finding;

/**
 * Checks of the response itself, before extraction. "Required at finalize": every {@code required}
 * item without an answer, in the form's sections and in the groups that are filled in. Items shown
 * only under a condition (enableWhen / enableWhenExpression) and everything below them are left to
 * the form engine, which knows whether they are enabled.
 */
public final class RequiredAnswers {

  private final QuestionnaireIndex q;
  private final String lang;

  /** {@code lang}: language of the field labels put into the messages (the user's). */
  public RequiredAnswers(QuestionnaireIndex q, String lang) {
    this.q = q;
    this.lang = lang;
  }

  public List<Finding> check(JsonNode response) {
    List<Finding> out = new ArrayList<>();
    walk(q.json().path("item"), ResponseNode.root(response), out);
    return out;
  }

  private void walk(JsonNode items, ResponseNode parent, List<Finding> out) {
    for (JsonNode item : items) {
      String linkId = item.path("linkId").asText();
      QuestionnaireIndex.Item info = q.item(linkId).orElseThrow();
      if (info.conditional()) {
        continue;
      }
      List<ResponseNode> nodes =
          parent.children().stream().filter(c -> c.linkId().equals(linkId)).toList();
      if ("group".equals(info.type())) {
        if (nodes.isEmpty() && info.required()) {
          out.add(missing(linkId));
        } else if (nodes.isEmpty() && !info.repeats() && parent.linkId().isEmpty()) {
          // a form section is always "present"; a nested optional group left empty is not filled
          // in, and its required children apply only once it is (SDC semantics)
          walk(item.path("item"), emptyGroup(), out);
        }
        for (ResponseNode n : nodes) {
          walk(item.path("item"), n, out);
        }
        continue;
      }
      for (ResponseNode n : nodes) {
        for (JsonNode a : n.answers()) {
          if (a.has("valueCoding") && !listed(item, a.path("valueCoding"))) {
            out.add(
                Finding.error(
                    "",
                    linkId,
                    "document.validation.notInList",
                    q.label(linkId, lang),
                    a.path("valueCoding").path("code").asText()));
          }
        }
      }
      if ("display".equals(info.type()) || !info.required()) {
        continue;
      }
      if (nodes.stream().allMatch(n -> blank(n.answers()))) {
        out.add(missing(linkId));
      }
    }
  }

  /**
   * No answer, or only empty texts (FHIR strings may not be empty: such an answer says nothing).
   */
  private static boolean blank(Iterable<JsonNode> answers) {
    for (JsonNode a : answers) {
      JsonNode text = a.get("valueString");
      if (text == null || !text.asText().isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** A coded answer of an item with an answer list must be one of the listed codes. */
  private static boolean listed(JsonNode item, JsonNode coding) {
    JsonNode options = item.path("answerOption");
    if (options.isEmpty()) {
      return true; // value-set items are checked by the validator against their bindings
    }
    for (JsonNode o : options) {
      JsonNode c = o.path("valueCoding");
      if (c.path("code").asText().equals(coding.path("code").asText())
          && c.path("system").asText().equals(coding.path("system").asText())) {
        return true;
      }
    }
    return false;
  }

  private static ResponseNode emptyGroup() {
    return ResponseNode.root(
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
  }

  private Finding missing(String linkId) {
    return Finding.error("", linkId, "document.validation.required", q.label(linkId, lang));
  }
}
