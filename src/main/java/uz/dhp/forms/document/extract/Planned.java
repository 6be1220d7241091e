package uz.dhp.forms.document.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A resource the assembler will produce: which rule, for which part of the response. */
final class Planned {

  final String ruleId;
  final String fullUrl;
  final ResponseNode context;
  final JsonNode answer;
  final String answerLinkId;
  final List<String> sections;
  final String primaryLinkId;
  ObjectNode resource;

  /** Element path inside the resource → questionnaire item that supplied it. */
  final Map<String, String> paths;

  Planned(
      String ruleId,
      String fullUrl,
      ResponseNode context,
      JsonNode answer,
      String answerLinkId,
      List<String> sections,
      String primaryLinkId) {
    this.ruleId = ruleId;
    this.fullUrl = fullUrl;
    this.context = context;
    this.answer = answer;
    this.answerLinkId = answerLinkId;
    this.sections = new ArrayList<>(sections);
    this.primaryLinkId = primaryLinkId;
    this.paths = new LinkedHashMap<>();
  }

  private Planned(Planned outer, ResponseNode context) {
    this.ruleId = outer.ruleId;
    this.fullUrl = outer.fullUrl;
    this.context = context;
    this.answer = outer.answer;
    this.answerLinkId = outer.answerLinkId;
    this.sections = outer.sections;
    this.primaryLinkId = outer.primaryLinkId;
    this.paths = outer.paths;
  }

  /** The same resource, looking at one repetition of a nested group (template {@code @forEach}). */
  Planned within(ResponseNode node) {
    return new Planned(this, node);
  }
}
