package uz.dhp.forms.app;

import java.util.ArrayList;
import java.util.List;
import uz.dhp.forms.terminology.ImportOutcome;
import uz.dhp.forms.ui.I18n;

/** What an import of code lists did, in one message for the notification bar. */
final class CodeListImportSummary {

  private CodeListImportSummary() {}

  /** Counts, "in use now" when something was added, and the first three problems. */
  static String text(I18n i18n, List<ImportOutcome> outcomes) {
    int cs = 0;
    int vs = 0;
    int packages = 0;
    List<String> problems = new ArrayList<>();
    for (ImportOutcome o : outcomes) {
      if (o instanceof ImportOutcome.Imported i) {
        cs += i.codeSystems();
        vs += i.valueSets();
        packages += i.packages();
        i.skipped().forEach(k -> problems.add(i18n.get(k.reasonKey(), k.args().toArray())));
      } else {
        ImportOutcome.Failed f = (ImportOutcome.Failed) o;
        problems.add(i18n.get(f.reasonKey(), f.args().toArray()));
      }
    }
    StringBuilder text =
        new StringBuilder(
            i18n.get("terminology.import.summary", cs, vs, packages, problems.size()));
    if (cs + vs + packages > 0) {
      text.append(' ').append(i18n.get("import.inUse"));
    }
    problems.stream().limit(3).forEach(p -> text.append(' ').append(p));
    return text.toString();
  }

  /** How many FHIR packages the imports added. */
  static int packages(List<ImportOutcome> outcomes) {
    return outcomes.stream()
        .filter(ImportOutcome.Imported.class::isInstance)
        .mapToInt(o -> ((ImportOutcome.Imported) o).packages())
        .sum();
  }
}
