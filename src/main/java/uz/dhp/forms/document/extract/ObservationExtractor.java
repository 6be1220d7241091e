package uz.dhp.forms.document.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * SDC observation-based extraction: every item flagged {@code sdc-questionnaire-observationExtract}
 * becomes an Observation coded with the item's {@code code}. A flagged group becomes one
 * Observation whose components are its coded descendants (code-less descendants get {@code
 * code.text} = label); a flagged leaf becomes one Observation per answer. Subject, encounter,
 * effective time come from the mapping's {@code observations.defaults} template, overridable per
 * linkId.
 */
final class ObservationExtractor {

  static final String RULE = "observations";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final QuestionnaireIndex q;
  private final JsonNode config;
  private final Set<String> vitalSigns = new HashSet<>();
  private final Set<String> conceptTextProfiles = new HashSet<>();

  ObservationExtractor(QuestionnaireIndex q, JsonNode config) {
    this.q = q;
    this.config = config;
    config.path("vitalSigns").forEach(c -> vitalSigns.add(c.asText()));
    config.path("textAsConceptProfiles").forEach(c -> conceptTextProfiles.add(c.asText()));
  }

  /** Plans one Observation per flagged item (per answer for leaves), in response order. */
  void plan(
      ResponseNode node,
      Function<ResponseNode, List<String>> sectionsOf,
      Function<Planned, Planned> add,
      Function<String, String> url) {
    for (ResponseNode child : node.children()) {
      var item = q.item(child.linkId());
      if (item.isPresent() && item.get().observationExtract()) {
        if ("group".equals(item.get().type())) {
          add.apply(
              new Planned(
                  RULE, url.apply(""), child, null, "", sectionsOf.apply(child), child.linkId()));
          planNestedGroups(child, sectionsOf, add, url);
          continue;
        }
        for (JsonNode a : child.answers()) {
          add.apply(
              new Planned(
                  RULE,
                  url.apply(""),
                  child,
                  a,
                  child.linkId(),
                  sectionsOf.apply(child),
                  child.linkId()));
        }
        continue;
      }
      plan(child, sectionsOf, add, url);
    }
  }

  private void planNestedGroups(
      ResponseNode group,
      Function<ResponseNode, List<String>> sectionsOf,
      Function<Planned, Planned> add,
      Function<String, String> url) {
    for (ResponseNode c : group.children()) {
      var item = q.item(c.linkId());
      if (item.isPresent()
          && item.get().observationExtract()
          && "group".equals(item.get().type())) {
        add.apply(new Planned(RULE, url.apply(""), c, null, "", sectionsOf.apply(c), c.linkId()));
      }
      planNestedGroups(c, sectionsOf, add, url);
    }
  }

  /** Builds the Observation of {@code p}; empty when there is nothing to say. */
  Optional<ObjectNode> build(Planned p, TemplateExpander expander) {
    QuestionnaireIndex.Item item = q.item(p.context.linkId()).orElseThrow();
    ObjectNode template = (ObjectNode) config.path("defaults").deepCopy();
    JsonNode override = config.path("overrides").path(item.linkId());
    if (override.isObject()) {
      template.setAll((ObjectNode) override.deepCopy());
    }
    ObjectNode obs = expander.expandResource(template, p).orElseGet(F::objectNode);
    String profile = profileOf(item);
    obs.put("resourceType", "Observation");
    obs.putObject("meta").putArray("profile").add(profile);
    obs.put("status", "final");
    obs.set("code", code(item));
    if (isVitalSign(item)) {
      ObjectNode cat = F.objectNode();
      ObjectNode c = cat.putArray("coding").addObject();
      c.put("system", "http://terminology.hl7.org/CodeSystem/observation-category");
      c.put("code", "vital-signs");
      obs.putArray("category").add(cat);
    }
    effective(p.context).ifPresent(e -> obs.set("effectiveDateTime", e));
    boolean conceptText = conceptTextProfiles.contains(profile);
    if (p.answer != null) {
      var v = withUnit(item, AnswerValues.observationValue(p.answer, conceptText));
      if (v.isEmpty()) {
        return Optional.empty();
      }
      obs.set(v.get().getKey(), v.get().getValue());
      p.paths.put("value", item.linkId());
    } else {
      ArrayNode components = F.arrayNode();
      collectComponents(p.context, components, p, conceptText);
      if (components.isEmpty()) {
        return Optional.empty();
      }
      obs.set("component", components);
      for (ResponseNode c : p.context.children()) {
        var ci = q.item(c.linkId());
        if (ci.isPresent()
            && ci.get().definition().endsWith("Observation.bodySite")
            && !c.answers().isEmpty()) {
          AnswerValues.value(c.answers().get(0))
              .ifPresent(v -> obs.set("bodySite", AnswerValues.concept(v)));
        }
      }
    }
    return Optional.of(obs);
  }

  private void collectComponents(
      ResponseNode group, ArrayNode components, Planned p, boolean conceptText) {
    for (ResponseNode c : group.children()) {
      var ci = q.item(c.linkId());
      if (ci.isEmpty()) {
        continue;
      }
      QuestionnaireIndex.Item item = ci.get();
      if ("group".equals(item.type())) {
        if (!item.observationExtract()) {
          collectComponents(c, components, p, conceptText);
        }
        continue;
      }
      String def = item.definition();
      if (def.endsWith("Observation.effective[x]")
          || def.endsWith("Observation.bodySite")
          || !def.contains("Observation.")) {
        continue; // effective time is taken separately; other resources map the rest
      }
      for (JsonNode a : c.answers()) {
        var v = withUnit(item, AnswerValues.observationValue(a, conceptText));
        if (v.isEmpty()) {
          continue;
        }
        ObjectNode comp = components.addObject();
        comp.set("code", code(item));
        comp.set(v.get().getKey(), v.get().getValue());
        p.paths.put("component[" + (components.size() - 1) + "]", item.linkId());
      }
    }
  }

  /** Numbers of items with a {@code questionnaire-unit} become Quantities in that unit. */
  private static Optional<java.util.Map.Entry<String, JsonNode>> withUnit(
      QuestionnaireIndex.Item item, Optional<java.util.Map.Entry<String, JsonNode>> value) {
    if (value.isEmpty()
        || !(value.get().getKey().equals("valueInteger")
            || value.get().getKey().equals("valueDecimal"))) {
      return value;
    }
    for (JsonNode e : item.json().path("extension")) {
      if (e.path("url").asText().endsWith("/questionnaire-unit")) {
        JsonNode unit = e.path("valueCoding");
        ObjectNode q = F.objectNode();
        q.set("value", value.get().getValue());
        q.put("unit", unit.path("code").asText());
        q.set("system", unit.path("system"));
        q.set("code", unit.path("code"));
        return Optional.of(java.util.Map.entry("valueQuantity", (JsonNode) q));
      }
    }
    return value;
  }

  private Optional<JsonNode> effective(ResponseNode node) {
    List<ResponseNode> scopes = new ArrayList<>();
    scopes.add(node);
    node.parent().ifPresent(scopes::add);
    for (ResponseNode scope : scopes) {
      for (ResponseNode c : scope.children()) {
        var ci = q.item(c.linkId());
        if (ci.isPresent()
            && ci.get().definition().endsWith("Observation.effective[x]")
            && !c.answers().isEmpty()) {
          return AnswerValues.value(c.answers().get(0));
        }
      }
    }
    return Optional.empty();
  }

  private boolean isVitalSign(QuestionnaireIndex.Item item) {
    for (JsonNode c : item.codes()) {
      if (vitalSigns.contains(c.path("code").asText())) {
        return true;
      }
    }
    return false;
  }

  private static String profileOf(QuestionnaireIndex.Item item) {
    String def = item.definition();
    int hash = def.indexOf('#');
    if (hash > 0 && def.substring(hash + 1).startsWith("Observation")) {
      return def.substring(0, hash);
    }
    return MasterResources.CORE + "uz-core-observation";
  }

  /** The item's codes as a CodeableConcept; code-less items get their English label as text. */
  ObjectNode code(QuestionnaireIndex.Item item) {
    ObjectNode cc = F.objectNode();
    List<JsonNode> codes = item.codes();
    if (codes.isEmpty()) {
      cc.put("text", q.label(item.linkId(), "en"));
      return cc;
    }
    ArrayNode coding = cc.putArray("coding");
    for (JsonNode c : codes) {
      ObjectNode copy = F.objectNode();
      for (String f : List.of("system", "code", "display")) {
        if (c.has(f)) {
          copy.set(f, c.get(f));
        }
      }
      coding.add(copy);
    }
    return cc;
  }
}
