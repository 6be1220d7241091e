package uz.dhp.forms.document.extract;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each part of an assembled Bundle came from: per entry, the questionnaire item the resource
 * was made for and, per element path inside it, the item that supplied the value. Used to show
 * validation findings next to the form field they concern.
 */
public record SourceMap(List<EntrySource> entries) {

  /** Origin of one Bundle entry. */
  public record EntrySource(String fullUrl, String primaryLinkId, Map<String, String> paths) {
    public EntrySource {
      paths = Map.copyOf(paths);
    }
  }

  public SourceMap {
    entries = List.copyOf(entries);
  }

  /**
   * The item behind a location such as {@code Bundle.entry[3].resource.identifier[0].value} (the
   * validator's {@code /*Type/id*}{@code /} comments are ignored): the longest recorded element
   * path that prefixes the location, else the entry's own item.
   */
  public Optional<String> linkIdFor(String location) {
    String loc = location.replaceAll("/\\*.*?\\*/", "");
    int start = loc.indexOf("entry[");
    if (start < 0) {
      return Optional.empty();
    }
    int end = loc.indexOf(']', start);
    int index;
    try {
      index = Integer.parseInt(loc.substring(start + 6, end));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (index < 0 || index >= entries.size()) {
      return Optional.empty();
    }
    EntrySource source = entries.get(index);
    String rest = loc.substring(end + 1);
    rest = rest.startsWith(".resource") ? rest.substring(".resource".length()) : rest;
    rest = rest.startsWith(".") ? rest.substring(1) : rest;
    String best = null;
    int bestLength = -1;
    for (Map.Entry<String, String> e : source.paths().entrySet()) {
      String p = e.getKey();
      if ((rest.equals(p) || rest.startsWith(p + ".") || rest.startsWith(p + "["))
          && p.length() > bestLength) {
        best = e.getValue();
        bestLength = p.length();
      }
      String bare = p.replaceAll("\\[\\d+]", "");
      if (best == null && !bare.isEmpty() && rest.replaceAll("\\[\\d+]", "").startsWith(bare)) {
        best = e.getValue();
      }
    }
    if (best == null && !rest.isEmpty()) {
      // the location names an element above the recorded value (e.g. a CodeableConcept whose
      // coding came from the item): take the nearest recorded path below it
      int shortest = Integer.MAX_VALUE;
      for (Map.Entry<String, String> e : source.paths().entrySet()) {
        String p = e.getKey();
        if ((p.startsWith(rest + ".") || p.startsWith(rest + "[")) && p.length() < shortest) {
          best = e.getValue();
          shortest = p.length();
        }
      }
    }
    if (best != null) {
      return Optional.of(best);
    }
    return source.primaryLinkId().isEmpty()
        ? Optional.empty()
        : Optional.of(source.primaryLinkId());
  }
}
