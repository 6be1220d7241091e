package uz.dhp.forms.terminology;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codes of a value set, in definition order, with a type-ahead index per language built on
 * first use.
 */
public final class ValueSetExpansion {

  private final String url;
  private final List<Concept> concepts;
  private final List<String> missingSystems;
  private final Map<String, CodeSearchIndex> indexes = new ConcurrentHashMap<>();

  public ValueSetExpansion(String url, List<Concept> concepts) {
    this(url, concepts, List.of());
  }

  /**
   * @param missingSystems code systems the value set includes whole but that are not available
   *     offline (e.g. ICD-10 before it is imported): codes from them cannot be listed or checked
   */
  public ValueSetExpansion(String url, List<Concept> concepts, List<String> missingSystems) {
    this.url = url;
    this.concepts = List.copyOf(concepts);
    this.missingSystems = List.copyOf(missingSystems);
  }

  /** False when some included code systems are missing offline (see {@link #missingSystems()}). */
  public boolean isComplete() {
    return missingSystems.isEmpty();
  }

  public List<String> missingSystems() {
    return missingSystems;
  }

  public String url() {
    return url;
  }

  public List<Concept> concepts() {
    return concepts;
  }

  public boolean contains(String system, String code) {
    return concepts.stream()
        .anyMatch(c -> c.code().equals(code) && (system == null || system.equals(c.system())));
  }

  /** Type-ahead search in a language; see {@link CodeSearchIndex#search(String, int)}. */
  public List<Concept> search(String query, String languageTag, int limit) {
    return indexes
        .computeIfAbsent(languageTag, l -> CodeSearchIndex.build(concepts, l))
        .search(query, limit);
  }
}
