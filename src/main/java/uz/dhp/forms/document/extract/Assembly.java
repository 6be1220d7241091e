package uz.dhp.forms.document.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uz.dhp.forms.document.finding.Finding;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.narrative.Xhtml;
import uz.dhp.forms.support.IdGenerator;

/**
 * One extraction run: plans the resources of the mapping's rules, expands their templates, builds
 * the Composition and the Bundle. Not reusable; {@link DocumentExtractor} makes one per call.
 */
final class Assembly {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  final FormFiles form;
  final ResponseNode root;
  final IdGenerator ids;
  final String now;
  final MasterResources master;
  final NarrativeRenderer narrative;
  final List<Finding> findings = new ArrayList<>();
  final List<Planned> planned = new ArrayList<>();
  final Map<String, List<Planned>> byRule = new LinkedHashMap<>();
  final Map<String, String> sectionByItem = new LinkedHashMap<>();
  final TemplateExpander expander;
  private final ObservationExtractor observations;
  private final Map<String, EntryIdentity> fixedIds;

  Assembly(
      FormFiles form,
      JsonNode response,
      ClinicMasterData masterData,
      IdGenerator ids,
      String now,
      NarrativeRenderer narrative,
      Map<String, EntryIdentity> fixedIds) {
    this.form = form;
    this.fixedIds = fixedIds;
    this.root = ResponseNode.root(response);
    this.ids = ids;
    this.now = now;
    this.master = new MasterResources(masterData, ids);
    this.narrative = narrative;
    this.expander =
        new TemplateExpander(
            new PlaceholderResolver(form.questionnaire(), byRule, master, now, findings));
    this.observations =
        new ObservationExtractor(form.questionnaire(), form.mapping().path("observations"));
    indexSections(form.mapping().path("sections"));
  }

  private void indexSections(JsonNode sections) {
    for (JsonNode s : sections) {
      if (s.has("item")) {
        sectionByItem.put(s.path("item").asText(), s.path("key").asText());
      }
      indexSections(s.path("subsections"));
    }
  }

  String url() {
    return "urn:uuid:" + ids.newId();
  }

  /** Plans every rule's resources, in rule order. */
  void plan() {
    for (JsonNode rule : form.mapping().path("rules")) {
      String id = rule.path("id").asText();
      if (ObservationExtractor.RULE.equals(id)) {
        observations.plan(root, this::sectionsOf, this::add, x -> url());
        continue;
      }
      List<String> explicit = new ArrayList<>();
      rule.path("sections").forEach(s -> explicit.add(s.asText()));
      if (rule.has("section")) {
        explicit.add(rule.path("section").asText());
      }
      String when = rule.path("when").asText("");
      String whenTrue = rule.path("whenTrue").asText("");
      if (rule.has("forEach")) {
        String group = rule.path("forEach").asText();
        for (ResponseNode n : root.descendants(group)) {
          if (answered(n, when.replace("~", group)) && isTrue(n, whenTrue.replace("~", group))) {
            add(new Planned(id, url(), n, null, "", sectionsFor(explicit, n), n.linkId()));
          }
        }
      } else if (rule.has("forEachAnswer")) {
        for (ResponseNode n : root.descendants(rule.path("forEachAnswer").asText())) {
          for (JsonNode a : n.answers()) {
            add(new Planned(id, url(), n, a, n.linkId(), sectionsFor(explicit, n), n.linkId()));
          }
        }
      } else if (answered(root, when) && isTrue(root, whenTrue)) {
        String url = fixedIds.containsKey(id) ? fixedIds.get(id).fullUrl() : url();
        add(new Planned(id, url, root, null, "", explicit, when.split(",")[0].trim()));
      }
    }
  }

  /** True when {@code anyOf} is empty or one of its comma-separated items has an answer. */
  private static boolean answered(ResponseNode context, String anyOf) {
    if (anyOf.isEmpty()) {
      return true;
    }
    for (String id : anyOf.split(",")) {
      if (!context.nearestAnswers(id.trim()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code anyOf} is empty or one of its items is answered "true". */
  private static boolean isTrue(ResponseNode context, String anyOf) {
    if (anyOf.isEmpty()) {
      return true;
    }
    for (String id : anyOf.split(",")) {
      for (JsonNode a : context.nearestAnswers(id.trim())) {
        if (a.path("valueBoolean").asBoolean(false)) {
          return true;
        }
      }
    }
    return false;
  }

  private List<String> sectionsFor(List<String> explicit, ResponseNode n) {
    return explicit.isEmpty() ? sectionsOf(n) : explicit;
  }

  List<String> sectionsOf(ResponseNode n) {
    for (ResponseNode x = n; x != null; x = x.parent().orElse(null)) {
      String key = sectionByItem.get(x.linkId());
      if (key != null) {
        return List.of(key);
      }
    }
    return List.of();
  }

  private Planned add(Planned p) {
    planned.add(p);
    byRule.computeIfAbsent(p.ruleId, k -> new ArrayList<>()).add(p);
    return p;
  }

  /** Expands every planned resource; drops those that came out empty. */
  void expand() {
    Map<String, JsonNode> rules = new LinkedHashMap<>();
    form.mapping().path("rules").forEach(r -> rules.put(r.path("id").asText(), r));
    for (Planned p : planned) {
      Optional<ObjectNode> r =
          ObservationExtractor.RULE.equals(p.ruleId)
              ? observations.build(p, expander)
              : expander.expandResource((ObjectNode) rules.get(p.ruleId).path("template"), p);
      r.ifPresent(
          res -> {
            res.put("id", idOf(p.fullUrl));
            p.resource = res;
          });
    }
    planned.removeIf(p -> p.resource == null);
    byRule.values().forEach(l -> l.removeIf(p -> p.resource == null));
  }

  /**
   * The resource id that goes with a fullUrl: the UUID of {@code urn:uuid:<uuid>}, the last segment
   * of a server URL {@code <base>/<type>/<id>} (FHIR: a RESTful fullUrl ends with type and id).
   */
  static String idOf(String fullUrl) {
    return fullUrl.startsWith("urn:uuid:")
        ? fullUrl.substring("urn:uuid:".length())
        : fullUrl.substring(fullUrl.lastIndexOf('/') + 1);
  }

  /** Narrative of a planned resource: the answers it was made from. */
  void narrate(Planned p) {
    String title = p.primaryLinkId.isEmpty() ? "" : narrative.label(p.primaryLinkId);
    var rows =
        p.answer != null
            ? List.of(
                uz.dhp.forms.document.narrative.NarrativeRow.of(
                    narrative.label(p.answerLinkId),
                    narrative.display(p.answerLinkId, p.answer),
                    0))
            : narrative.rowsFor(new LinkedHashSet<>(p.paths.values()), p.context);
    if (rows.isEmpty() && ObservationExtractor.RULE.equals(p.ruleId)) {
      rows = narrative.rows(p.context, java.util.Set.of());
    }
    setText(p.resource, Xhtml.table(narrative.lang(), title, rows));
  }

  static void setText(ObjectNode resource, String div) {
    ObjectNode text = F.objectNode();
    text.put("status", "generated");
    text.put("div", div);
    // text belongs right after meta/id in FHIR order; HAPI re-orders on encode anyway.
    resource.set("text", text);
  }

  /** A master-data resource's narrative: its name. */
  static String masterText(ObjectNode r, String lang) {
    String name =
        r.has("name") && r.path("name").isTextual()
            ? r.path("name").asText()
            : r.path("name").path(0).path("text").asText("");
    if (name.isEmpty()) {
      name = r.path("code").path(0).path("coding").path(0).path("display").asText("");
    }
    if (name.isEmpty()) {
      name = r.path("code").path(0).path("coding").path(0).path("code").asText("");
    }
    return Xhtml.text(lang, r.path("resourceType").asText(), name);
  }

  ArrayNode entries(
      ObjectNode composition,
      String compositionUrl,
      List<SourceMap.EntrySource> out,
      Map<String, String> compositionPaths) {
    ArrayNode entries = F.arrayNode();
    entry(entries, compositionUrl, composition);
    out.add(new SourceMap.EntrySource(compositionUrl, "", compositionPaths));
    for (Planned p : planned) {
      entry(entries, p.fullUrl, p.resource);
      out.add(new SourceMap.EntrySource(p.fullUrl, p.primaryLinkId, p.paths));
    }
    for (MasterResources.Made m : master.all()) {
      ObjectNode r = m.resource();
      r.put("id", m.fullUrl().substring("urn:uuid:".length()));
      setText(r, masterText(r, narrative.lang()));
      entry(entries, m.fullUrl(), r);
      out.add(new SourceMap.EntrySource(m.fullUrl(), m.linkId(), Map.of()));
    }
    return entries;
  }

  private static void entry(ArrayNode entries, String url, ObjectNode resource) {
    ObjectNode e = entries.addObject();
    e.put("fullUrl", url);
    e.set("resource", resource);
  }
}
