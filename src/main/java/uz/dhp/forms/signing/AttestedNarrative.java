package uz.dhp.forms.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * What the practitioner attests by signing: the document's narrative, read from the Bundle bytes
 * that will be signed — the Composition's text and, in order, every section's title and text — as
 * one HTML page for the preview. The XHTML comes from the document itself (generated and validated
 * on finalize); titles are escaped.
 */
public final class AttestedNarrative {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AttestedNarrative() {}

  /** The page, or empty when the bytes are not a document Bundle with a Composition. */
  public static Optional<String> html(byte[] bundle, String language) {
    JsonNode root;
    try {
      root = JSON.readTree(bundle);
    } catch (IOException e) {
      return Optional.empty();
    }
    JsonNode composition = root == null ? null : root.path("entry").path(0).path("resource");
    if (composition == null || !"Composition".equals(composition.path("resourceType").asText())) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder(8192);
    b.append("<!DOCTYPE html><html lang=\"")
        .append(escape(language))
        .append("\"><head><meta charset=\"utf-8\"><style>")
        .append("body{font-family:sans-serif;font-size:1em;margin:1em;line-height:1.4}")
        .append("h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.2em}")
        .append("h3{font-size:1em}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #999;padding:2px 6px;text-align:left}")
        .append("</style></head><body>");
    // The generated narrative carries its own headings; a title is added only where it has none.
    String div = composition.path("text").path("div").asText("");
    if (div.isBlank()) {
      b.append("<h1>").append(escape(composition.path("title").asText(""))).append("</h1>");
    }
    b.append(div);
    sections(b, composition.path("section"), 2);
    b.append("</body></html>");
    return Optional.of(b.toString());
  }

  private static void sections(StringBuilder b, JsonNode sections, int level) {
    int h = Math.min(level, 4);
    for (JsonNode s : sections) {
      String div = s.path("text").path("div").asText("");
      b.append("<section>");
      if (div.isBlank()) {
        b.append("<h").append(h).append('>');
        b.append(escape(s.path("title").asText(s.path("code").path("text").asText(""))));
        b.append("</h").append(h).append('>');
      }
      b.append(div);
      sections(b, s.path("section"), level + 1);
      b.append("</section>");
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
