package uz.dhp.forms.document.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uz.dhp.forms.document.extract.SourceMap;
import uz.dhp.forms.document.finding.Finding;
import uz.dhp.forms.document.finding.Severity;
import uz.dhp.forms.document.pinfl.PinflCheck;
import uz.dhp.forms.document.pinfl.PinflOutcome;

/**
 * Our own checks of the DHP document rules (dhp-spec §2, §10), independent of whether the DHP
 * profile packages are available: document shape, identities, references that resolve inside the
 * Bundle, narrative on every section, and PINFL check digits.
 */
final class DhpRules {

  static final String RFC3986 = "urn:ietf:rfc:3986";
  static final String FORM_NUMBER = "https://dhp.uz/fhir/core/sid/doc/uz/form-number";
  static final String PINFL = "https://dhp.uz/fhir/core/sid/pid/uz/ni";

  /** A URI scheme: an absolute reference ({@code urn:uuid:…}, {@code https://…}). */
  private static final Pattern ABSOLUTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:");

  /** {@code <base>/<Type>/<id>} with an http(s) base: groups base, type, id. */
  private static final Pattern RESTFUL =
      Pattern.compile(
          "(https?://[^/?#\\s]+(?:/[^?#\\s]*)?)/([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final PinflCheck pinfl = new PinflCheck(Clock.systemUTC());

  List<Finding> check(String bundleJson, SourceMap sources) {
    List<Finding> out = new ArrayList<>();
    JsonNode b;
    try {
      b = JSON.readTree(bundleJson);
    } catch (JsonProcessingException e) {
      out.add(Finding.error("Bundle", null, "document.rules.unreadable"));
      return out;
    }
    if (!"document".equals(b.path("type").asText())) {
      out.add(Finding.error("Bundle.type", null, "document.rules.notDocument"));
    }
    if (b.path("id").asText("").isEmpty()) {
      out.add(Finding.error("Bundle.id", null, "document.rules.bundleId"));
    }
    JsonNode ident = b.path("identifier");
    if (!RFC3986.equals(ident.path("system").asText())
        || !ident.path("value").asText().startsWith("urn:uuid:")) {
      out.add(Finding.error("Bundle.identifier", null, "document.rules.bundleIdentifier"));
    }
    if (b.path("timestamp").asText("").isEmpty()) {
      out.add(Finding.error("Bundle.timestamp", null, "document.rules.timestamp"));
    }
    JsonNode entries = b.path("entry");
    if (!"Composition".equals(entries.path(0).path("resource").path("resourceType").asText())) {
      out.add(Finding.error("Bundle.entry[0]", null, "document.rules.compositionFirst"));
    } else {
      composition(entries.path(0).path("resource"), out);
    }
    Set<String> urls = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      String url = entries.path(i).path("fullUrl").asText("");
      String path = "Bundle.entry[" + i + "]";
      if (!validFullUrl(url, entries.path(i).path("resource"))) {
        out.add(Finding.error(path + ".fullUrl", null, "document.rules.fullUrl"));
      }
      if (!urls.add(url)) {
        out.add(Finding.error(path + ".fullUrl", null, "document.rules.duplicateFullUrl"));
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      String path = "Bundle.entry[" + i + "].resource";
      JsonNode r = entries.path(i).path("resource");
      String base = serverBase(entries.path(i).path("fullUrl").asText("")).orElse("");
      references(r, path, base, urls, sources, out);
      identifiers(r, path, sources, out);
    }
    return out;
  }

  /**
   * {@code urn:uuid:…} for a resource new with the document; or, for a copy of a resource the
   * server has (dhp-spec §2.1 default), its absolute RESTful URL {@code http(s)://…/<Type>/<id>},
   * whose last two segments are the entry's resourceType and id, never a version (bdl-8).
   */
  static boolean validFullUrl(String url, JsonNode resource) {
    if (url.startsWith("urn:uuid:")) {
      return url.length() > "urn:uuid:".length();
    }
    if (url.contains("/_history/")) {
      return false;
    }
    Matcher m = RESTFUL.matcher(url);
    return m.matches()
        && m.group(2).equals(resource.path("resourceType").asText())
        && m.group(3).equals(resource.path("id").asText());
  }

  /** The server base of a RESTful fullUrl ({@code http(s)://…/<Type>/<id>}), else empty. */
  private static Optional<String> serverBase(String fullUrl) {
    Matcher m = RESTFUL.matcher(fullUrl);
    return m.matches() && !fullUrl.contains("/_history/")
        ? Optional.of(m.group(1))
        : Optional.empty();
  }

  private static void composition(JsonNode c, List<Finding> out) {
    boolean instance = false;
    boolean formNumber = false;
    for (JsonNode id : c.path("identifier")) {
      instance |=
          RFC3986.equals(id.path("system").asText())
              && id.path("value").asText().startsWith("urn:uuid:");
      formNumber |= FORM_NUMBER.equals(id.path("system").asText());
    }
    if (!instance || !formNumber) {
      out.add(
          Finding.error(
              "Bundle.entry[0].resource.identifier", null, "document.rules.compositionIdentifier"));
    }
    sectionTexts(c.path("section"), "Bundle.entry[0].resource.section", out);
  }

  private static void sectionTexts(JsonNode sections, String path, List<Finding> out) {
    for (int i = 0; i < sections.size(); i++) {
      JsonNode s = sections.path(i);
      String p = path + "[" + i + "]";
      if (s.path("text").path("div").asText("").isEmpty()) {
        out.add(
            Finding.error(
                p + ".text", null, "document.rules.sectionText", s.path("title").asText()));
      }
      sectionTexts(s.path("section"), p + ".section", out);
    }
  }

  /**
   * Every reference resolves inside the Bundle (dhp-spec §2.1): a {@code urn:uuid:} or absolute
   * http(s) reference equals an entry's fullUrl; a relative one ({@code Patient/123}) is read
   * against the server base of its entry's own RESTful fullUrl (FHIR bundle resolution rules) and
   * must then equal an entry's fullUrl too. {@code #…} (contained) is not about the Bundle.
   */
  private static void references(
      JsonNode n,
      String path,
      String base,
      Set<String> urls,
      SourceMap sources,
      List<Finding> out) {
    if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = path + "." + e.getKey();
        if ("reference".equals(e.getKey()) && e.getValue().isTextual()) {
          String ref = e.getValue().asText();
          if (!resolves(ref, base, urls)) {
            Optional<String> linkId = sources.linkIdFor(path);
            out.add(
                new Finding(
                    Severity.ERROR,
                    p,
                    linkId,
                    "document.rules.unresolvedReference",
                    List.of(ref),
                    "dhp"));
          }
        } else {
          references(e.getValue(), p, base, urls, sources, out);
        }
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        references(n.get(i), path + "[" + i + "]", base, urls, sources, out);
      }
    }
  }

  private static boolean resolves(String ref, String base, Set<String> urls) {
    if (ref.isEmpty() || ref.startsWith("#")) {
      return true;
    }
    if (ABSOLUTE.matcher(ref).lookingAt()) {
      return urls.contains(ref);
    }
    return !base.isEmpty() && urls.contains(base + "/" + ref);
  }

  private static Optional<java.time.LocalDate> birthDate(JsonNode patient) {
    try {
      return Optional.of(java.time.LocalDate.parse(patient.path("birthDate").asText("")));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<PinflOutcome.Sex> sex(JsonNode patient) {
    return switch (patient.path("gender").asText("")) {
      case "male" -> Optional.of(PinflOutcome.Sex.MALE);
      case "female" -> Optional.of(PinflOutcome.Sex.FEMALE);
      default -> Optional.empty();
    };
  }

  private void identifiers(JsonNode r, String path, SourceMap sources, List<Finding> out) {
    JsonNode ids = r.path("identifier");
    for (int i = 0; i < ids.size(); i++) {
      JsonNode id = ids.path(i);
      if (!PINFL.equals(id.path("system").asText())) {
        continue;
      }
      String p = path + ".identifier[" + i + "].value";
      PinflOutcome o = pinfl.check(id.path("value").asText(""));
      if (o instanceof PinflOutcome.Invalid bad) {
        out.add(
            new Finding(
                Severity.ERROR, p, sources.linkIdFor(p), bad.messageKey(), bad.args(), "dhp"));
      } else if (o instanceof PinflOutcome.Valid valid
          && "Patient".equals(r.path("resourceType").asText())
          && PinflCheck.contradicts(valid, birthDate(r), sex(r))) {
        out.add(
            new Finding(
                Severity.WARNING,
                p,
                sources.linkIdFor(p),
                "document.pinfl.mismatch",
                List.of(),
                "dhp"));
      }
    }
  }
}
