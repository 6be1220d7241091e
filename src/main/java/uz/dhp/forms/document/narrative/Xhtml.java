package uz.dhp.forms.document.narrative;

import java.util.List;

/**
 * Builds the XHTML {@code div} of FHIR narratives (R5 narrative rules: one {@code div} in the XHTML
 * namespace, no scripts, no attributes beyond the safe set). All text is escaped here, and only
 * here, so no answer typed by a user can inject markup into the attested text.
 */
public final class Xhtml {

  private Xhtml() {}

  /**
   * The opening tag; both lang and xml:lang, as the validator asks when a resource has a language.
   */
  private static String open(String lang) {
    String l = escape(lang);
    return "<div xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + l + "\" xml:lang=\"" + l + "\">";
  }

  /** Escapes text for XHTML element content and attribute values. */
  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          // XML 1.0 forbids most control characters; drop them rather than produce invalid XHTML.
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** A title and a table of rows. */
  public static String table(String lang, String title, List<NarrativeRow> rows) {
    StringBuilder sb = new StringBuilder(open(lang));
    if (!title.isEmpty()) {
      sb.append("<p><b>").append(escape(title)).append("</b></p>");
    }
    if (!rows.isEmpty()) {
      sb.append("<table>");
      for (NarrativeRow r : rows) {
        String indent = r.depth() > 0 ? " style=\"padding-left:" + (r.depth() * 12) + "px\"" : "";
        if (r.heading()) {
          sb.append("<tr><td colspan=\"2\"")
              .append(indent)
              .append("><b>")
              .append(escape(r.label()))
              .append("</b></td></tr>");
        } else {
          sb.append("<tr><td")
              .append(indent)
              .append(">")
              .append(escape(r.label()))
              .append("</td><td>")
              .append(lines(r.value()))
              .append("</td></tr>");
        }
      }
      sb.append("</table>");
    }
    return sb.append("</div>").toString();
  }

  /** Free text (anamnesis, diary…) as paragraphs, line breaks kept. */
  public static String text(String lang, String title, String text) {
    StringBuilder sb = new StringBuilder(open(lang));
    if (!title.isEmpty()) {
      sb.append("<p><b>").append(escape(title)).append("</b></p>");
    }
    sb.append("<p>").append(lines(text)).append("</p>");
    return sb.append("</div>").toString();
  }

  private static String lines(String text) {
    return escape(text.replace("\r\n", "\n")).replace("\n", "<br/>");
  }
}
