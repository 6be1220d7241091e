package uz.dhp.forms.document.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A form as data: {@code questionnaire.json} plus {@code extraction.json} from one folder under
 * {@code forms/}. A new form needs these two files and no Java.
 */
public record FormFiles(QuestionnaireIndex questionnaire, JsonNode mapping) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static FormFiles load(Path formDirectory) throws IOException {
    JsonNode q = JSON.readTree(Files.readString(formDirectory.resolve("questionnaire.json")));
    JsonNode m = JSON.readTree(Files.readString(formDirectory.resolve("extraction.json")));
    return new FormFiles(new QuestionnaireIndex(q), m);
  }

  public static FormFiles of(String questionnaireJson, String extractionJson) throws IOException {
    return new FormFiles(
        new QuestionnaireIndex(JSON.readTree(questionnaireJson)), JSON.readTree(extractionJson));
  }

  /** Form number, e.g. "003". */
  public String formNumber() {
    return mapping.path("form").asText();
  }

  /**
   * The extraction rule that makes the document's subject (the patient: {@code patient} in Form
   * 003, {@code mother} in Form 096), read from the Composition template's {@code subject}
   * reference {@code @ref:<rule>}; empty when the mapping does not say.
   */
  public java.util.Optional<String> subjectRule() {
    JsonNode subject = mapping.path("composition").path("template").path("subject");
    JsonNode first = subject.isArray() ? subject.path(0) : subject;
    String ref = first.path("reference").asText("");
    return ref.startsWith("@ref:") && ref.length() > 5
        ? java.util.Optional.of(ref.substring(5))
        : java.util.Optional.empty();
  }

  /**
   * Consistency of the mapping with the questionnaire: every linkId the mapping names exists. Empty
   * when consistent; the messages are for form authors (tests), not for end users.
   */
  public List<String> check() {
    List<String> problems = new ArrayList<>();
    for (JsonNode rule : mapping.path("rules")) {
      String base = rule.path("forEach").asText(rule.path("forEachAnswer").asText(""));
      for (String key : List.of("forEach", "forEachAnswer")) {
        if (rule.has(key)) {
          exists(rule.path(key).asText(), key, problems);
        }
      }
      for (String id :
          (rule.path("when").asText("") + "," + rule.path("whenTrue").asText("")).split(",")) {
        if (!id.isBlank()) {
          exists(id.trim().replace("~", base), "when", problems);
        }
      }
      placeholders(rule.path("template"), base, problems);
    }
    placeholders(mapping.path("composition"), "", problems);
    placeholders(mapping.path("observations"), "", problems);
    mapping
        .path("observations")
        .path("overrides")
        .fieldNames()
        .forEachRemaining(id -> exists(id, "overrides", problems));
    sections(mapping.path("sections"), problems);
    return problems;
  }

  private void sections(JsonNode sections, List<String> problems) {
    for (JsonNode s : sections) {
      for (String key : List.of("item", "text", "repeatPer")) {
        if (s.has(key)) {
          exists(s.path(key).asText(), "section " + s.path("key").asText(), problems);
        }
      }
      placeholders(s.path("entries"), "", problems);
      sections(s.path("subsections"), problems);
    }
  }

  private void placeholders(JsonNode n, String base, List<String> problems) {
    if (n.isTextual() && n.asText().startsWith("@")) {
      String s = n.asText().substring(n.asText().startsWith("@!") ? 2 : 1);
      int colon = s.indexOf(':');
      String kind = colon < 0 ? s : s.substring(0, colon);
      if (colon > 0 && !kind.equals("ref")) {
        for (String id : s.substring(colon + 1).split(",")) {
          exists(id.split("\\|")[0].replace("~", base), s, problems);
        }
      }
      return;
    }
    if (n.isObject() && n.has("@forEach")) {
      exists(n.path("@forEach").asText().replace("~", base), "@forEach", problems);
    }
    n.elements().forEachRemaining(c -> placeholders(c, base, problems));
  }

  private void exists(String linkId, String where, List<String> problems) {
    if (questionnaire.item(linkId).isEmpty()) {
      problems.add("unknown linkId " + linkId + " in " + where);
    }
  }
}
