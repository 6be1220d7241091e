package uz.dhp.forms.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a generated document Bundle with a DHP worked example on what the acceptance criteria
 * name: resource types and counts per section, codes and systems, identifier systems, profiles
 * claimed. Produces sorted, readable difference lines ("- x" only in the example, "+ x" only in
 * ours).
 */
final class ConformanceReport {

  private ConformanceReport() {}

  /** Section code → "Type×count" list, for top-level sections and sub-sections ("a/b"). */
  static Map<String, TreeMap<String, Integer>> sections(JsonNode bundle) {
    Map<String, String> types = new TreeMap<>();
    for (JsonNode e : bundle.path("entry")) {
      types.put(e.path("fullUrl").asText(), e.path("resource").path("resourceType").asText());
    }
    Map<String, TreeMap<String, Integer>> out = new TreeMap<>();
    collect(bundle.path("entry").path(0).path("resource").path("section"), "", types, out);
    return out;
  }

  private static void collect(
      JsonNode sections,
      String prefix,
      Map<String, String> types,
      Map<String, TreeMap<String, Integer>> out) {
    for (JsonNode s : sections) {
      String code = prefix + s.path("code").path("coding").path(0).path("code").asText();
      TreeMap<String, Integer> counts = out.computeIfAbsent(code, k -> new TreeMap<>());
      for (JsonNode e : s.path("entry")) {
        counts.merge(types.getOrDefault(e.path("reference").asText(), "?"), 1, Integer::sum);
      }
      collect(s.path("section"), code + "/", types, out);
    }
  }

  /** Every coding (system|code) used anywhere in the entries, except identifier types. */
  static TreeSet<String> codings(JsonNode bundle) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode e : bundle.path("entry")) {
      walk(e.path("resource"), "", out);
    }
    return out;
  }

  private static void walk(JsonNode n, String field, TreeSet<String> out) {
    if (n.isObject()) {
      if (n.has("system") && n.has("code") && !field.equals("type_identifier")) {
        out.add(n.path("system").asText() + "|" + n.path("code").asText());
      }
      Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getKey().equals("identifier")
            || f.getKey().equals("valueQuantity")
            || f.getKey().equals("length")
            || f.getKey().equals("quantity")
            || f.getKey().equals("doseQuantity")
            || f.getKey().equals("dose")) {
          continue; // identifier types and UCUM units are compared elsewhere / not codes
        }
        walk(f.getValue(), f.getKey(), out);
      }
    } else if (n.isArray()) {
      n.forEach(c -> walk(c, field, out));
    }
  }

  static TreeSet<String> identifierSystems(JsonNode bundle) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode e : bundle.path("entry")) {
      for (JsonNode id : e.path("resource").path("identifier")) {
        out.add(
            e.path("resource").path("resourceType").asText()
                + " "
                + id.path("system").asText("(none)"));
      }
    }
    return out;
  }

  static TreeSet<String> profiles(JsonNode bundle) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode e : bundle.path("entry")) {
      JsonNode r = e.path("resource");
      JsonNode p = r.path("meta").path("profile");
      String type = r.path("resourceType").asText();
      if (p.isEmpty()) {
        out.add(type + " (base)");
      }
      p.forEach(x -> out.add(type + " " + x.asText()));
    }
    return out;
  }

  /** The differences, one line each: "- aspect: value" only in the example, "+" only in ours. */
  static List<String> differences(JsonNode example, JsonNode ours) {
    List<String> out = new ArrayList<>();
    var se = sections(example);
    var so = sections(ours);
    TreeSet<String> codes = new TreeSet<>(se.keySet());
    codes.addAll(so.keySet());
    for (String c : codes) {
      var a = se.get(c);
      var b = so.get(c);
      if (a == null) {
        out.add("+ section " + c + " " + b);
      } else if (b == null) {
        out.add("- section " + c + " " + a);
      } else if (!a.equals(b)) {
        out.add("~ section " + c + " example " + a + " ours " + b);
      }
    }
    diff("coding", codings(example), codings(ours), out);
    diff("identifier", identifierSystems(example), identifierSystems(ours), out);
    diff("profile", profiles(example), profiles(ours), out);
    return out;
  }

  private static void diff(String what, TreeSet<String> a, TreeSet<String> b, List<String> out) {
    for (String x : a) {
      if (!b.contains(x)) {
        out.add("- " + what + " " + x);
      }
    }
    for (String x : b) {
      if (!a.contains(x)) {
        out.add("+ " + what + " " + x);
      }
    }
  }
}
