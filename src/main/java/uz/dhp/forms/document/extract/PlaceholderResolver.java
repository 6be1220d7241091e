package uz.dhp.forms.document.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uz.dhp.forms.document.finding.Finding;

/** Resolves template placeholders against the response, the plan and the master data. */
final class PlaceholderResolver implements TemplateExpander.Resolver {

  private final QuestionnaireIndex questionnaire;
  private final Map<String, List<Planned>> plannedByRule;
  private final MasterResources master;
  private final String now;
  private final List<Finding> findings;

  PlaceholderResolver(
      QuestionnaireIndex questionnaire,
      Map<String, List<Planned>> plannedByRule,
      MasterResources master,
      String now,
      List<Finding> findings) {
    this.questionnaire = questionnaire;
    this.plannedByRule = plannedByRule;
    this.master = master;
    this.now = now;
    this.findings = findings;
  }

  @Override
  public List<TemplateExpander.Value> resolve(String placeholder, Planned p) {
    int colon = placeholder.indexOf(':');
    String kind = colon < 0 ? placeholder : placeholder.substring(0, colon);
    String arg = colon < 0 ? "" : placeholder.substring(colon + 1);
    String part = "";
    int bar = kind.indexOf('|');
    if (bar >= 0) {
      part = kind.substring(bar + 1);
      kind = kind.substring(0, bar);
    }
    bar = arg.indexOf('|');
    if (bar >= 0) {
      part = arg.substring(bar + 1);
      arg = arg.substring(0, bar);
    }
    arg = own(arg, p);
    return switch (kind) {
      case "item" -> first(answers(p, arg, part));
      case "items" -> answers(p, arg, part);
      case "answer" -> answer(p, part);
      case "ref" -> ref(arg, p);
      case "clinic" -> TemplateExpander.list(new TextNode(master.clinic("")), "");
      case "role", "location", "org" -> masterRef(kind, arg, p);
      case "join" -> join(arg, p);
      case "now" -> TemplateExpander.list(new TextNode(now), "");
      case "code" -> code(arg.isEmpty() ? p.context.linkId() : arg);
      default -> throw new IllegalArgumentException("unknown placeholder @" + placeholder);
    };
  }

  @Override
  public List<ResponseNode> nodes(String linkId, Planned p) {
    return p.context.nearest(own(linkId, p));
  }

  /** Replaces a leading {@code ~} by the linkId of the rule's own item. */
  static String own(String linkIds, Planned p) {
    if (!linkIds.contains("~")) {
      return linkIds;
    }
    String base = p.primaryLinkId.isEmpty() ? p.context.linkId() : p.primaryLinkId;
    return linkIds.replace("~", base);
  }

  private List<TemplateExpander.Value> code(String linkId) {
    return questionnaire
        .item(linkId)
        .flatMap(i -> i.codes().stream().findFirst())
        .map(c -> TemplateExpander.list(codingOf(c), ""))
        .orElseGet(List::of);
  }

  private static JsonNode codingOf(JsonNode code) {
    var coding = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (String f : List.of("system", "code", "display")) {
      if (code.has(f)) {
        coding.set(f, code.get(f));
      }
    }
    return coding;
  }

  private static List<TemplateExpander.Value> first(List<TemplateExpander.Value> all) {
    return all.isEmpty() ? all : new ArrayList<>(all.subList(0, 1));
  }

  private static List<TemplateExpander.Value> answers(Planned p, String linkId, String part) {
    List<TemplateExpander.Value> out = new ArrayList<>();
    for (JsonNode a : p.context.nearestAnswers(linkId)) {
      valueOf(a, part).ifPresent(v -> out.add(new TemplateExpander.Value(v, linkId)));
    }
    return out;
  }

  private static List<TemplateExpander.Value> answer(Planned p, String part) {
    if (p.answer == null) {
      return List.of();
    }
    return valueOf(p.answer, part)
        .map(v -> TemplateExpander.list(v, p.answerLinkId))
        .orElseGet(List::of);
  }

  private static Optional<JsonNode> valueOf(JsonNode answer, String part) {
    Optional<JsonNode> v = AnswerValues.value(answer);
    if ("date".equals(part)) {
      // date part of a dateTime (birth time → Patient.birthDate)
      return v.filter(JsonNode::isTextual)
          .map(
              x ->
                  (JsonNode)
                      new TextNode(x.asText().substring(0, Math.min(10, x.asText().length()))));
    }
    return part.isEmpty() ? v : v.flatMap(x -> AnswerValues.part(x, part));
  }

  private List<TemplateExpander.Value> ref(String ruleId, Planned p) {
    List<Planned> candidates = plannedByRule.getOrDefault(ruleId, List.of());
    if (candidates.isEmpty()) {
      return List.of();
    }
    Planned chosen = candidates.get(0);
    for (Planned c : candidates) {
      if (c.context.isAncestorOrSelfOf(p.context) || p.context.isAncestorOrSelfOf(c.context)) {
        chosen = c;
        break;
      }
    }
    return TemplateExpander.list(new TextNode(chosen.fullUrl), "");
  }

  private List<TemplateExpander.Value> masterRef(String kind, String linkId, Planned p) {
    List<JsonNode> answers = p.context.nearestAnswers(linkId);
    if (answers.isEmpty()) {
      return List.of();
    }
    JsonNode ref = answers.get(0).path("valueReference");
    String reference = ref.path("reference").asText("");
    String key = reference.substring(reference.indexOf('/') + 1);
    String display = ref.path("display").asText("");
    Optional<String> url =
        switch (kind) {
          case "role" -> master.role(key, linkId);
          case "location" -> master.location(key, linkId);
          default -> master.organization(key, display, linkId);
        };
    if (url.isEmpty()) {
      findings.add(
          Finding.error(
              "", linkId, "document.extract.unknownReference", display.isEmpty() ? key : display));
      return List.of();
    }
    return TemplateExpander.list(new TextNode(url.get()), linkId);
  }

  private List<TemplateExpander.Value> join(String linkIds, Planned p) {
    List<String> parts = new ArrayList<>();
    String firstId = "";
    for (String id : linkIds.split(",")) {
      List<JsonNode> answers = p.context.nearestAnswers(id);
      if (!answers.isEmpty()) {
        AnswerValues.value(answers.get(0)).ifPresent(v -> parts.add(AnswerValues.text(v).trim()));
        firstId = firstId.isEmpty() ? id : firstId;
      }
    }
    return parts.isEmpty()
        ? List.of()
        : TemplateExpander.list(new TextNode(String.join(" ", parts)), firstId);
  }
}
