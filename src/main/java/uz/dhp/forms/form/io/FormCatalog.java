package uz.dhp.forms.form.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.FormDefinition;

/**
 * The forms installed in a directory: every {@code <formId>/questionnaire.json}. Adding a form
 * means adding a file; a broken file becomes an {@link Entry.Unavailable} entry with a reason.
 */
public final class FormCatalog {

  public static final String FILE_NAME = "questionnaire.json";

  /** One form on the home screen. */
  public sealed interface Entry {
    String formId();

    /**
     * @param titles language tag → title ({@code ""} = the title as written in the form)
     * @param warnings non-blocking problems to show next to the form (e.g. code lists missing
     *     offline until terminology is imported)
     */
    record Available(
        String formId,
        @Nullable String version,
        Map<String, String> titles,
        FormDefinition definition,
        List<FormProblem> warnings)
        implements Entry {
      public Available {
        titles = Map.copyOf(titles);
        warnings = List.copyOf(warnings);
      }
    }

    record Unavailable(
        String formId, Path file, @Nullable String linkId, String reasonKey, List<String> args)
        implements Entry {
      public Unavailable {
        args = List.copyOf(args);
      }
    }
  }

  private final FormLoader loader;

  public FormCatalog(FormLoader loader) {
    this.loader = loader;
  }

  /** Loads every form under {@code formsDir}, sorted by formId. A missing directory is empty. */
  public List<Entry> scan(Path formsDir) {
    List<Entry> entries = new ArrayList<>();
    if (!Files.isDirectory(formsDir)) {
      return entries;
    }
    List<Path> dirs;
    try (Stream<Path> s = Files.list(formsDir)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      return entries;
    }
    for (Path dir : dirs) {
      String formId = dir.getFileName().toString();
      Path file = dir.resolve(FILE_NAME);
      if (!Files.isRegularFile(file)) {
        entries.add(
            new Entry.Unavailable(
                formId, file, null, "form.check.missingFile", List.of(FILE_NAME)));
        continue;
      }
      entries.add(entry(formId, file));
    }
    return entries;
  }

  public Entry entry(String formId, Path file) {
    LoadOutcome outcome = loader.load(formId, file);
    if (outcome instanceof LoadOutcome.Loaded l) {
      FormDefinition d = l.definition();
      Map<String, String> titles = new java.util.HashMap<>(d.title().translations());
      titles.put("", d.title().text());
      return new Entry.Available(formId, d.version(), titles, d, l.warnings());
    }
    FormProblem p = ((LoadOutcome.Rejected) outcome).problem();
    return new Entry.Unavailable(formId, file, p.linkId(), p.reasonKey(), p.args());
  }
}
