package uz.dhp.forms.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * Terminology read from local FHIR resources: directories of CodeSystem / ValueSet JSON files and
 * FHIR NPM packages ({@code .tgz}). Immutable after loading; expansions are computed on first use.
 */
public final class LocalTerminology implements TerminologySource {

  /** A file that could not be used; the rest still loads. */
  public record Problem(Path source, String entry, String reasonKey, List<String> args) {
    public Problem {
      args = List.copyOf(args);
    }
  }

  /** Loaded terminology and the files that were skipped. */
  public record Loaded(LocalTerminology terminology, List<Problem> problems) {
    public Loaded {
      problems = List.copyOf(problems);
    }
  }

  private final Map<String, CodeSystem> codeSystems;
  private final Map<String, ValueSet> valueSets;
  private final Map<String, Optional<ValueSetExpansion>> expansions = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Concept>> conceptsBySystem = new ConcurrentHashMap<>();

  private LocalTerminology(Map<String, CodeSystem> codeSystems, Map<String, ValueSet> valueSets) {
    this.codeSystems = Map.copyOf(codeSystems);
    this.valueSets = Map.copyOf(valueSets);
  }

  public static LocalTerminology empty() {
    return new LocalTerminology(Map.of(), Map.of());
  }

  /** From resources already in memory (e.g. contained in a form, or built by tests). */
  public static LocalTerminology of(List<CodeSystem> codeSystems, List<ValueSet> valueSets) {
    Map<String, CodeSystem> cs = new HashMap<>();
    codeSystems.forEach(c -> cs.put(c.getUrl(), c));
    Map<String, ValueSet> vs = new HashMap<>();
    valueSets.forEach(v -> vs.put(v.getUrl(), v));
    return new LocalTerminology(cs, vs);
  }

  /**
   * Loads every {@code *.json} CodeSystem / ValueSet in the given directories and every resource of
   * the given {@code .tgz} packages. Unreadable entries become {@link Problem}s.
   */
  public static Loaded load(FhirContext ctx, List<Path> sources) {
    IParser parser = ctx.newJsonParser();
    Map<String, CodeSystem> cs = new HashMap<>();
    Map<String, ValueSet> vs = new HashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Path source : sources) {
      if (Files.isDirectory(source)) {
        try (Stream<Path> files = Files.list(source)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
            try {
              accept(parser, Files.readString(f, StandardCharsets.UTF_8), cs, vs);
            } catch (IOException | DataFormatException | ClassCastException e) {
              problems.add(problem(source, f.getFileName().toString(), e));
            }
          }
        } catch (IOException e) {
          problems.add(problem(source, "", e));
        }
      } else if (source.toString().endsWith(".tgz")) {
        loadPackage(parser, source, cs, vs, problems);
      } else {
        problems.add(new Problem(source, "", "form.terminology.unknownSource", List.of()));
      }
    }
    return new Loaded(new LocalTerminology(cs, vs), problems);
  }

  private static void loadPackage(
      IParser parser,
      Path source,
      Map<String, CodeSystem> cs,
      Map<String, ValueSet> vs,
      List<Problem> problems) {
    try (InputStream in = Files.newInputStream(source)) {
      NpmPackage pkg = NpmPackage.fromPackage(in);
      for (String name : pkg.list("package")) {
        if (!(name.startsWith("CodeSystem-") || name.startsWith("ValueSet-"))
            || !name.endsWith(".json")) {
          continue;
        }
        try (InputStream r = pkg.load("package", name)) {
          accept(parser, new String(r.readAllBytes(), StandardCharsets.UTF_8), cs, vs);
        } catch (IOException | DataFormatException | ClassCastException e) {
          problems.add(problem(source, name, e));
        }
      }
    } catch (IOException | RuntimeException e) {
      problems.add(problem(source, "", e));
    }
  }

  private static Problem problem(Path source, String entry, Exception e) {
    return new Problem(
        source, entry, "form.terminology.unreadable", List.of(String.valueOf(e.getMessage())));
  }

  private static void accept(
      IParser parser, String json, Map<String, CodeSystem> cs, Map<String, ValueSet> vs) {
    IBaseResource r = parser.parseResource(json);
    if (r instanceof CodeSystem c && c.hasUrl()) {
      cs.put(c.getUrl(), c);
    } else if (r instanceof ValueSet v && v.hasUrl()) {
      vs.put(v.getUrl(), v);
    }
  }

  public int codeSystemCount() {
    return codeSystems.size();
  }

  public int valueSetCount() {
    return valueSets.size();
  }

  @Override
  public boolean knowsCodeSystem(String system) {
    return codeSystems.containsKey(stripVersion(system));
  }

  @Override
  public Optional<Concept> lookup(String system, String code) {
    return Optional.ofNullable(concepts(stripVersion(system)).get(code));
  }

  @Override
  public Optional<ValueSetExpansion> expand(String valueSetUrl) {
    String url = stripVersion(valueSetUrl);
    Optional<ValueSetExpansion> cached = expansions.get(url);
    if (cached != null) {
      return cached;
    }
    Optional<ValueSetExpansion> computed =
        new ValueSetExpander(this).expand(url, valueSets.get(url));
    if (computed.isEmpty() && !valueSets.containsKey(url) && isInternationalStandard(url)) {
      // HL7 / LOINC / SNOMED value sets are real but not shipped offline unless imported: known,
      // with no codes, rather than a broken form.
      computed = Optional.of(new ValueSetExpansion(url, List.of(), List.of(url)));
    }
    expansions.put(url, computed);
    return computed;
  }

  /** Concepts of a code system by code (hierarchies flattened), empty if unknown. */
  Map<String, Concept> concepts(String system) {
    return conceptsBySystem.computeIfAbsent(
        system,
        s -> {
          CodeSystem c = codeSystems.get(s);
          return c == null ? Map.of() : ValueSetExpander.flatten(c);
        });
  }

  @Nullable ValueSet valueSet(String url) {
    return valueSets.get(url);
  }

  Optional<CodeSystem> codeSystem(String system) {
    return Optional.ofNullable(codeSystems.get(stripVersion(system)));
  }

  private static boolean isInternationalStandard(String url) {
    return url.startsWith("http://hl7.org/fhir/ValueSet/")
        || url.startsWith("http://terminology.hl7.org/ValueSet/")
        || url.startsWith("http://loinc.org/vs")
        || url.startsWith("http://snomed.info/sct");
  }

  static String stripVersion(String canonical) {
    int bar = canonical.indexOf('|');
    return bar < 0 ? canonical : canonical.substring(0, bar);
  }
}
