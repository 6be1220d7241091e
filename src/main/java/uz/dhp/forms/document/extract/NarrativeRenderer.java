package uz.dhp.forms.document.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.narrative.NarrativeRow;
import uz.dhp.forms.i18n.Messages;

/** Turns response items into narrative rows, labelled in the narrative language. */
final class NarrativeRenderer {

  private final QuestionnaireIndex q;
  private final ClinicMasterData master;
  private final Messages messages;
  private final String lang;

  NarrativeRenderer(QuestionnaireIndex q, ClinicMasterData master, Messages messages, String lang) {
    this.q = q;
    this.master = master;
    this.messages = messages;
    this.lang = lang;
  }

  String lang() {
    return lang;
  }

  /** "No information recorded." in the narrative language. */
  String empty() {
    return messages.get("document.narrative.empty");
  }

  String label(String linkId) {
    return q.label(linkId, lang);
  }

  /** Rows for the subtree of {@code node}, skipping the items in {@code skip}. */
  List<NarrativeRow> rows(ResponseNode node, Set<String> skip) {
    List<NarrativeRow> rows = new ArrayList<>();
    for (ResponseNode c : node.children()) {
      addRows(c, 0, skip, rows);
    }
    return rows;
  }

  private void addRows(ResponseNode n, int depth, Set<String> skip, List<NarrativeRow> rows) {
    if (skip.contains(n.linkId()) || hidden(n.linkId())) {
      return;
    }
    if (!n.answers().isEmpty()) {
      rows.add(NarrativeRow.of(label(n.linkId()), answers(n.linkId(), n.answers()), depth));
    }
    if (!n.children().isEmpty()) {
      List<NarrativeRow> inner = new ArrayList<>();
      for (ResponseNode c : n.children()) {
        addRows(c, depth + 1, skip, inner);
      }
      if (!inner.isEmpty()) {
        if (n.answers().isEmpty()) {
          rows.add(NarrativeRow.heading(label(n.linkId()), depth));
        }
        rows.addAll(inner);
      }
    }
  }

  private boolean hidden(String linkId) {
    return q.item(linkId)
        .map(
            i -> {
              for (JsonNode e : i.json().path("extension")) {
                if (e.path("url").asText().endsWith("questionnaire-hidden")
                    && e.path("valueBoolean").asBoolean()) {
                  return true;
                }
              }
              return "display".equals(i.type());
            })
        .orElse(false);
  }

  /** Rows for the given items' answers found near {@code context}. */
  List<NarrativeRow> rowsFor(Collection<String> linkIds, ResponseNode context) {
    List<NarrativeRow> rows = new ArrayList<>();
    for (String id : linkIds) {
      List<JsonNode> answers = context.nearestAnswers(id);
      if (!answers.isEmpty() && !hidden(id)) {
        rows.add(NarrativeRow.of(label(id), answers(id, answers), 0));
      }
    }
    return rows;
  }

  String answers(String linkId, List<JsonNode> answers) {
    List<String> parts = new ArrayList<>();
    for (JsonNode a : answers) {
      parts.add(display(linkId, a));
    }
    return String.join("; ", parts);
  }

  String display(String linkId, JsonNode answer) {
    var typed = AnswerValues.typed(answer);
    if (typed.isEmpty()) {
      return "";
    }
    JsonNode v = typed.get().value();
    return switch (typed.get().type()) {
      case "Coding" -> q.optionDisplay(linkId, v, lang);
      case "Boolean" ->
          messages.get(v.asBoolean() ? "document.narrative.yes" : "document.narrative.no");
      case "Quantity" ->
          (v.path("value").asText() + " " + v.path("unit").asText(v.path("code").asText("")))
              .trim();
      case "Reference" -> reference(v);
      case "Attachment" -> v.path("title").asText(v.path("contentType").asText(""));
      case "Date", "DateTime" -> readableDate(v.asText());
      default -> v.asText();
    };
  }

  private static final java.util.regex.Pattern ISO_DATE_TIME =
      java.util.regex.Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})?)?");

  /**
   * Dates as written on Uzbek paper forms: {@code 08.02.2026}, with the local time {@code 10:00}
   * when there is one (the time as entered; the offset is the clinic's own). Partial dates ({@code
   * 2026}, {@code 2026-02}) stay as they are.
   */
  static String readableDate(String iso) {
    java.util.regex.Matcher m = ISO_DATE_TIME.matcher(iso);
    if (!m.matches()) {
      return iso;
    }
    String date = m.group(3) + "." + m.group(2) + "." + m.group(1);
    return m.group(4) == null ? date : date + " " + m.group(4) + ":" + m.group(5);
  }

  private String reference(JsonNode ref) {
    String reference = ref.path("reference").asText("");
    String key = reference.substring(reference.indexOf('/') + 1);
    if (reference.startsWith("PractitionerRole/")) {
      var p = master.practitioner(key);
      if (p.isPresent()) {
        return p.get().fullName();
      }
    } else if (reference.startsWith("Location/")) {
      var d = master.department(key);
      if (d.isPresent()) {
        return d.get().name();
      }
    } else if (reference.startsWith("Organization/")) {
      if (master.organization().key().equals(key)) {
        return master.organization().name();
      }
      var o = master.partner(key);
      if (o.isPresent()) {
        return o.get().name();
      }
    }
    return ref.path("display").asText(key);
  }
}
