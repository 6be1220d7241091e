package uz.dhp.forms.app;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uz.dhp.forms.app.DraftIndex.DraftRow;
import uz.dhp.forms.app.DraftIndex.DraftSort;

/**
 * Which master-data entries the drafts in the list point to (e.g. {@code PractitionerRole/att} → 3
 * drafts), so that removing one can be warned about. Reads the drafts the home list shows (the most
 * recent ones); blocks, so run it through the task runner.
 */
final class DraftReferences {

  private static final Pattern REFERENCE =
      Pattern.compile(
          "\"reference\"\\s*:\\s*\"((?:PractitionerRole|Location|Organization)/[^\"\\\\]+)\"");

  private final DraftIndex drafts;

  DraftReferences(DraftIndex drafts) {
    this.drafts = drafts;
  }

  /** Reference → number of drafts that use it at least once. */
  Map<String, Integer> count() {
    Map<String, Integer> counts = new HashMap<>();
    for (DraftRow row : drafts.list("", DraftSort.UPDATED_NEWEST, false)) {
      drafts
          .open(row.id())
          .ifPresent(
              d -> {
                for (String ref : references(d.questionnaireResponseJson())) {
                  counts.merge(ref, 1, Integer::sum);
                }
              });
    }
    return counts;
  }

  static Set<String> references(String responseJson) {
    Set<String> found = new HashSet<>();
    Matcher m = REFERENCE.matcher(responseJson);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
