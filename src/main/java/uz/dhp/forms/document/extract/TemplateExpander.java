package uz.dhp.forms.document.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Expands the JSON resource templates of {@code extraction.json}. A string value starting with
 * {@code @} is a placeholder (grammar in docs/decisions/0006-document-extraction.md):
 *
 * <ul>
 *   <li>{@code @item:ID[|part]} first answer of item ID nearest to the current repetition
 *   <li>{@code @items:ID[|part]} every answer (spliced into the enclosing array)
 *   <li>{@code @answer[|part]} the answer a {@code forEachAnswer} rule runs for
 *   <li>{@code @ref:RULE} fullUrl of the resource of another rule (same repetition first)
 *   <li>{@code @clinic}, {@code @role:ID}, {@code @location:ID}, {@code @org:ID} master data
 *   <li>{@code @join:ID,ID,…} answers joined with spaces; {@code @now} the assembly time
 *   <li>{@code @code[:ID]} first {@code code} of item ID (default: the rule's own item)
 *   <li>{@code ~} at the start of an ID stands for the linkId of the rule's own item
 *   <li>an array element object with {@code "@forEach": ID} is repeated per repetition of ID
 *   <li>an object with {@code "@when": ID,…} / {@code "@unless": ID,…} is kept only when one of the
 *       items is answered / none is
 * </ul>
 *
 * A placeholder that resolves to nothing removes its field; written {@code @!…} it removes the
 * whole enclosing object (an identifier without value, a telecom without number). Empty objects and
 * arrays are removed.
 */
final class TemplateExpander {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** A resolved placeholder value and the item it came from ("" for constants). */
  record Value(JsonNode node, String linkId) {}

  /** Placeholder resolution, supplied by the assembler. */
  interface Resolver {
    List<Value> resolve(String placeholder, Planned current);

    /** Repetitions of group {@code linkId} nearest to the current context. */
    List<ResponseNode> nodes(String linkId, Planned current);
  }

  private final Resolver resolver;

  TemplateExpander(Resolver resolver) {
    this.resolver = resolver;
  }

  /** Expands {@code template} for {@code p}; records element paths into {@code p.paths}. */
  Optional<ObjectNode> expandResource(ObjectNode template, Planned p) {
    Optional<JsonNode> out = expand(template, p, "");
    return out.filter(JsonNode::isObject).map(n -> (ObjectNode) n);
  }

  private Optional<JsonNode> expand(JsonNode t, Planned p, String path) {
    if (t.isTextual() && t.asText().startsWith("@")) {
      List<Value> values = resolver.resolve(strip(t.asText()), p);
      if (values.isEmpty()) {
        return Optional.empty();
      }
      record(p, path, values.get(0).linkId());
      return Optional.of(values.get(0).node().deepCopy());
    }
    if (t.isObject() && (t.has("@when") || t.has("@unless"))) {
      ObjectNode body = ((ObjectNode) t).deepCopy();
      String when = body.has("@when") ? body.remove("@when").asText() : "";
      String unless = body.has("@unless") ? body.remove("@unless").asText() : "";
      if ((!when.isEmpty() && !anyAnswered(when, p))
          || (!unless.isEmpty() && anyAnswered(unless, p))) {
        return Optional.empty();
      }
      return expand(body, p, path);
    }
    if (t.isObject()) {
      ObjectNode out = F.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = t.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        Optional<JsonNode> v = expand(e.getValue(), p, childPath);
        if (v.isPresent()) {
          out.set(e.getKey(), v.get());
        } else if (e.getValue().isTextual() && e.getValue().asText().startsWith("@!")) {
          p.paths.keySet().removeIf(k -> k.startsWith(path.isEmpty() ? "" : path + "."));
          return Optional.empty();
        }
      }
      return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }
    if (t.isArray()) {
      ArrayNode out = F.arrayNode();
      for (JsonNode el : t) {
        if (el.isTextual() && strip(el.asText()).startsWith("items:")) {
          for (Value v : resolver.resolve(strip(el.asText()), p)) {
            record(p, path + "[" + out.size() + "]", v.linkId());
            out.add(v.node().deepCopy());
          }
          continue;
        }
        if (el.isObject() && el.has("@forEach")) {
          ObjectNode body = ((ObjectNode) el).deepCopy();
          String group = body.remove("@forEach").asText();
          for (ResponseNode n : resolver.nodes(group, p)) {
            expand(body, p.within(n), path + "[" + out.size() + "]").ifPresent(out::add);
          }
          continue;
        }
        expand(el, p, path + "[" + out.size() + "]").ifPresent(out::add);
      }
      return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }
    return Optional.of(t.deepCopy());
  }

  private boolean anyAnswered(String linkIds, Planned p) {
    for (String id : linkIds.split(",")) {
      if (!resolver.resolve("item:" + id.trim(), p).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String strip(String placeholder) {
    return placeholder.startsWith("@!") ? placeholder.substring(2) : placeholder.substring(1);
  }

  private static void record(Planned p, String path, String linkId) {
    if (!linkId.isEmpty()) {
      p.paths.put(path, linkId);
    }
  }

  static List<Value> list(JsonNode node, String linkId) {
    List<Value> l = new ArrayList<>();
    l.add(new Value(node, linkId));
    return l;
  }
}
