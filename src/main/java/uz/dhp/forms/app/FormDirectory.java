package uz.dhp.forms.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quickly lists the forms in the forms directory (the full check by the form engine follows in the
 * background, see {@link FormServices}) ({@code <dir>/<form-id>/questionnaire.json}) with their
 * titles in each language. A file that cannot be read is listed as unavailable with the reason.
 */
final class FormDirectory {

  /** Looked up when used: built on the FX thread while logging may still be starting (0015). */
  private static Logger log() {
    return LoggerFactory.getLogger(FormDirectory.class);
  }

  static final String FILE_NAME = "questionnaire.json";
  private static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";

  private final Path dir;
  private final ObjectMapper json = new ObjectMapper();

  FormDirectory(Path dir) {
    this.dir = dir;
  }

  List<FormListing> scan() {
    List<FormListing> result = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      log().warn("Forms directory {} does not exist", dir.toAbsolutePath());
      return result;
    }
    try (Stream<Path> children = Files.list(dir)) {
      children
          .filter(Files::isDirectory)
          .sorted(Comparator.comparing(Path::toString))
          .forEach(
              formDir -> {
                Path file = formDir.resolve(FILE_NAME);
                if (Files.isRegularFile(file)) {
                  result.add(read(formDir.getFileName().toString(), file));
                }
              });
    } catch (IOException e) {
      log().warn("Cannot list forms directory {}", dir.toAbsolutePath(), e);
    }
    return result;
  }

  private FormListing read(String formId, Path file) {
    JsonNode root;
    try {
      root = json.readTree(file.toFile());
    } catch (IOException e) {
      return new FormListing.Unavailable(
          formId, file, null, "home.forms.error.unreadable", List.of(shortReason(e)));
    }
    if (root == null || !"Questionnaire".equals(root.path("resourceType").asText())) {
      return new FormListing.Unavailable(
          formId, file, null, "home.forms.error.notQuestionnaire", List.of());
    }
    Map<String, String> titles = new HashMap<>();
    String title = root.path("title").asText(formId);
    titles.put("", title);
    titles.put("uz", title);
    for (JsonNode ext : root.path("_title").path("extension")) {
      if (TRANSLATION.equals(ext.path("url").asText())) {
        String lang = "";
        String content = "";
        for (JsonNode part : ext.path("extension")) {
          if ("lang".equals(part.path("url").asText())) {
            lang = part.path("valueCode").asText();
          } else if ("content".equals(part.path("url").asText())) {
            content = part.path("valueString").asText();
          }
        }
        if (!lang.isEmpty() && !content.isEmpty()) {
          titles.put(lang, content);
        }
      }
    }
    String version = root.path("version").asText("");
    return new FormListing.Available(formId, version, titles, null, 0);
  }

  private static String shortReason(IOException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }
}
