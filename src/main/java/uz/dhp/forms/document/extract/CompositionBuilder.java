package uz.dhp.forms.document.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uz.dhp.forms.document.finding.Finding;
import uz.dhp.forms.document.narrative.NarrativeRow;
import uz.dhp.forms.document.narrative.Xhtml;

/**
 * Builds the Composition: header from the mapping's {@code composition.template}, the instance
 * identifier, attester, and every section of {@code sections} with its code, title, entries and
 * generated narrative (Composition.text and every section.text, dhp-spec §10 C20).
 */
final class CompositionBuilder {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Assembly a;
  private final Map<String, String> paths = new LinkedHashMap<>();

  CompositionBuilder(Assembly a) {
    this.a = a;
  }

  Map<String, String> paths() {
    return paths;
  }

  ObjectNode build(String compositionUrl, String instanceId, String signerKey) {
    JsonNode config = a.form.mapping().path("composition");
    Planned header = new Planned("composition", compositionUrl, a.root, null, "", List.of(), "");
    ObjectNode c =
        a.expander
            .expandResource((ObjectNode) config.path("template").deepCopy(), header)
            .orElseGet(F::objectNode);
    paths.putAll(header.paths);
    c.put("resourceType", "Composition");
    c.put("id", compositionUrl.substring("urn:uuid:".length()));
    c.put("language", a.narrative.lang());
    ArrayNode idents = F.arrayNode();
    ObjectNode instance = idents.addObject();
    instance.put("system", "urn:ietf:rfc:3986");
    instance.put("value", "urn:uuid:" + instanceId);
    c.path("identifier").forEach(idents::add);
    c.set("identifier", idents);
    c.put("title", a.form.questionnaire().title(a.narrative.lang()));
    var signerRole = a.master.role(signerKey, "");
    if (!c.has("author") && signerRole.isPresent()) {
      c.putArray("author").addObject().put("reference", signerRole.get());
    }
    if (signerRole.isPresent() && config.has("attesterMode")) {
      ObjectNode att = c.putArray("attester").addObject();
      ObjectNode mode = att.putObject("mode").putArray("coding").addObject();
      mode.put("system", "http://hl7.org/fhir/composition-attestation-mode");
      mode.put("code", config.path("attesterMode").asText());
      att.putObject("party").put("reference", signerRole.get());
    }
    List<NarrativeRow> summary = new ArrayList<>();
    List<String> summaryIds = new ArrayList<>();
    config.path("summary").forEach(s -> summaryIds.add(s.asText()));
    summary.addAll(a.narrative.rowsFor(summaryIds, a.root));
    Assembly.setText(c, Xhtml.table(a.narrative.lang(), c.path("title").asText(), summary));
    ArrayNode sections = F.arrayNode();
    for (JsonNode s : a.form.mapping().path("sections")) {
      for (ObjectNode built : section(s, true)) {
        paths.put("section[" + sections.size() + "]", s.path("item").asText());
        sections.add(built);
      }
    }
    c.set("section", sections);
    return c;
  }

  /** The section(s) for one section definition; several when it repeats per group. */
  private List<ObjectNode> section(JsonNode def, boolean topLevel) {
    String key = def.path("key").asText();
    String itemId = def.path("item").asText();
    List<ObjectNode> out = new ArrayList<>();
    if (def.has("repeatPer")) {
      for (ResponseNode n : a.root.descendants(def.path("repeatPer").asText())) {
        ObjectNode s = header(itemId);
        String div =
            Xhtml.table(
                a.narrative.lang(), a.narrative.label(itemId), a.narrative.rows(n, Set.of()));
        text(s, div);
        out.add(s);
      }
      return out;
    }
    ObjectNode s = header(itemId);
    Set<String> skip = new HashSet<>();
    ArrayNode subsections = F.arrayNode();
    for (JsonNode sub : def.path("subsections")) {
      skip.add(sub.path("item").asText());
      skip.add(sub.path("text").asText());
      subsections.addAll(section(sub, false));
    }
    ArrayNode entries = entries(key, def);
    if (def.has("text")) {
      String textId = def.path("text").asText();
      List<ResponseNode> nodes = a.root.descendants(textId);
      List<NarrativeRow> rows = new ArrayList<>();
      StringBuilder plain = new StringBuilder();
      for (ResponseNode n : nodes) {
        if (!n.children().isEmpty()) {
          rows.addAll(a.narrative.rows(n, Set.of()));
        }
        for (JsonNode ans : n.answers()) {
          plain.append(plain.length() > 0 ? "\n" : "").append(a.narrative.display(textId, ans));
        }
      }
      if (rows.isEmpty() && plain.length() == 0) {
        return out;
      }
      text(
          s,
          rows.isEmpty()
              ? Xhtml.text(a.narrative.lang(), a.narrative.label(textId), plain.toString())
              : Xhtml.table(a.narrative.lang(), a.narrative.label(textId), rows));
    } else {
      List<NarrativeRow> rows = new ArrayList<>();
      for (ResponseNode n : a.root.descendants(itemId)) {
        if (!n.answers().isEmpty() && !skip.contains(itemId)) {
          rows.add(
              NarrativeRow.of(
                  a.narrative.label(itemId), a.narrative.answers(itemId, n.answers()), 0));
        }
        rows.addAll(a.narrative.rows(n, skip));
      }
      boolean needsEntries = def.path("needsEntries").asBoolean(true);
      boolean required = def.path("min").asInt(0) > 0;
      boolean hasContent = !entries.isEmpty() || !subsections.isEmpty();
      if (!hasContent && !required && (needsEntries || rows.isEmpty())) {
        return out;
      }
      if (required && needsEntries && entries.isEmpty()) {
        a.findings.add(
            Finding.error("", itemId, "document.extract.sectionEmpty", a.narrative.label(itemId)));
      }
      text(
          s,
          rows.isEmpty() && subsections.isEmpty()
              ? Xhtml.text(a.narrative.lang(), a.narrative.label(itemId), a.narrative.empty())
              : Xhtml.table(a.narrative.lang(), a.narrative.label(itemId), rows));
    }
    if (!entries.isEmpty()) {
      s.set("entry", entries);
    }
    if (!subsections.isEmpty()) {
      s.set("section", subsections);
    }
    out.add(s);
    return out;
  }

  private ObjectNode header(String itemId) {
    ObjectNode s = F.objectNode();
    s.put("title", a.narrative.label(itemId));
    var item = a.form.questionnaire().item(itemId).orElseThrow();
    ObjectNode code = s.putObject("code");
    ArrayNode coding = code.putArray("coding");
    for (JsonNode c : item.codes()) {
      ObjectNode copy = coding.addObject();
      copy.set("system", c.path("system"));
      copy.set("code", c.path("code"));
      if (c.has("display")) {
        copy.set("display", c.path("display"));
      }
      break; // the profile fixes one code per slice
    }
    return s;
  }

  private static void text(ObjectNode section, String div) {
    ObjectNode t = section.putObject("text");
    t.put("status", "generated");
    t.put("div", div);
  }

  private ArrayNode entries(String key, JsonNode def) {
    Set<String> urls = new LinkedHashSet<>();
    Planned ctx = new Planned("section", "", a.root, null, "", List.of(), "");
    for (JsonNode e : def.path("entries")) {
      a.expander
          .expandResource((ObjectNode) F.objectNode().set("r", e.deepCopy()), ctx)
          .ifPresent(r -> urls.add(r.path("r").asText()));
    }
    for (Planned p : a.planned) {
      if (p.sections.contains(key)) {
        urls.add(p.fullUrl);
      }
    }
    ArrayNode arr = F.arrayNode();
    urls.forEach(u -> arr.addObject().put("reference", u));
    return arr;
  }
}
