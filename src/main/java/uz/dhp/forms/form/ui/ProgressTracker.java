package uz.dhp.forms.form.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.rules.FormSession;
import uz.dhp.forms.form.rules.ItemState;
import uz.dhp.forms.form.rules.ValidationIssue;

/**
 * Per-section completeness and the issue list, kept up to date from the paths a ChangeSet names (a
 * keystroke touches a handful of entries, not the whole form). Structural edits (rows added,
 * removed, moved) shift paths, so they rebuild everything.
 */
final class ProgressTracker {

  private record Entry(boolean required, boolean answered, List<ValidationIssue> issues) {
    boolean hasError() {
      return issues.stream().anyMatch(i -> i.severity() == ValidationIssue.Severity.ERROR);
    }
  }

  private final FormSession session;
  private final List<Section> sections;
  private final Map<String, Integer> sectionOfTopLevel;
  private final List<Map<ItemPath, Entry>> entries = new ArrayList<>();
  private int errorTotal;

  ProgressTracker(FormSession session, List<Section> sections) {
    this.session = session;
    this.sections = sections;
    this.sectionOfTopLevel = new java.util.HashMap<>();
    for (Section s : sections) {
      s.linkIds().forEach(id -> sectionOfTopLevel.put(id, s.index()));
    }
    rebuild();
  }

  int sectionOf(ItemPath path) {
    return sectionOfTopLevel.getOrDefault(path.steps().get(0).linkId(), 0);
  }

  /** Walks the whole session. */
  void rebuild() {
    entries.clear();
    for (int i = 0; i < sections.size(); i++) {
      entries.add(new LinkedHashMap<>());
    }
    walk(session.children(null));
    for (Section s : sections) {
      recount(s.index());
    }
  }

  private void walk(List<ItemPath> paths) {
    for (ItemPath p : paths) {
      update(p);
      walk(session.children(p));
    }
  }

  /** Re-reads the given paths; returns true if any issue changed. */
  boolean refresh(Collection<ItemPath> paths) {
    boolean[] touched = new boolean[sections.size()];
    boolean issuesChanged = false;
    for (ItemPath p : paths) {
      int s = sectionOf(p);
      Entry before = entries.get(s).get(p);
      Entry after = update(p);
      touched[s] = true;
      if (!java.util.Objects.equals(
          before == null ? List.of() : before.issues, after == null ? List.of() : after.issues)) {
        issuesChanged = true;
      }
    }
    for (int i = 0; i < touched.length; i++) {
      if (touched[i]) {
        recount(i);
      }
    }
    return issuesChanged;
  }

  private Entry update(ItemPath p) {
    int s = sectionOf(p);
    ItemState st = session.state(p).orElse(null);
    if (st == null) {
      entries.get(s).remove(p);
      return null;
    }
    if (p.steps().size() == 1) {
      sections.get(s).enabled.set(sectionEnabled(s));
    }
    boolean question = st.item().type().isQuestion();
    Entry e =
        new Entry(
            question && st.enabled() && st.required(),
            !st.answers().isEmpty(),
            st.enabled() ? st.issues() : List.of());
    entries.get(s).put(p, e);
    return e;
  }

  private boolean sectionEnabled(int s) {
    for (String linkId : sections.get(s).linkIds()) {
      if (session.state(ItemPath.of(linkId)).map(ItemState::enabled).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  private void recount(int s) {
    int total = 0;
    int answered = 0;
    int errors = 0;
    for (Entry e : entries.get(s).values()) {
      if (e.required) {
        total++;
        if (e.answered) {
          answered++;
        }
      }
      if (e.hasError()) {
        errors++;
      }
    }
    Section sec = sections.get(s);
    errorTotal += errors - sec.errors.get();
    sec.requiredTotal.set(total);
    sec.requiredAnswered.set(answered);
    sec.errors.set(errors);
  }

  /** Items with an error, over the whole form. */
  int errorCount() {
    return errorTotal;
  }

  /** All issues in form order. */
  List<ValidationIssue> issues() {
    List<ValidationIssue> all = new ArrayList<>();
    for (Map<ItemPath, Entry> m : entries) {
      for (Entry e : m.values()) {
        all.addAll(e.issues);
      }
    }
    return all;
  }
}
