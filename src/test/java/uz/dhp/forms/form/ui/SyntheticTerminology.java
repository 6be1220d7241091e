package uz.dhp.forms.form.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uz.dhp.forms.terminology.Concept;
import uz.dhp.forms.terminology.LocalTerminology;
import uz.dhp.forms.terminology.TerminologySource;
import uz.dhp.forms.terminology.ValueSetExpansion;

/**
 * Test terminology: the shared DHP code lists where they exist, and generated lists for the value
 * sets the repository does not ship (ICD-10, professions, …), so that Form 003 opens in tests and
 * type-ahead is exercised on a list of ICD-10 size. Generated, not real codes.
 */
final class SyntheticTerminology implements TerminologySource {

  static final String ICD10 = "https://terminology.dhp.uz/fhir/integrations/ValueSet/icd-10-vs";
  static final int ICD10_SIZE = 12_000;
  private static final String[][] WORDS = {
    {"Pnevmoniya", "Пневмония", "Pneumonia"},
    {"Gripp", "Грипп", "Influenza"},
    {"Bronxit", "Бронхит", "Bronchitis"},
    {"Gastrit", "Гастрит", "Gastritis"},
    {"Anemiya", "Анемия", "Anaemia"},
    {"Diabet", "Диабет", "Diabetes"},
    {"Gipertoniya", "Гипертония", "Hypertension"},
    {"Artrit", "Артрит", "Arthritis"},
    {"Dermatit", "Дерматит", "Dermatitis"},
    {"Nefrit", "Нефрит", "Nephritis"},
    {"Appenditsit", "Аппендицит", "Appendicitis"}
  };

  private final TerminologySource shared;
  private final Map<String, Optional<ValueSetExpansion>> generated = new ConcurrentHashMap<>();

  private SyntheticTerminology(TerminologySource shared) {
    this.shared = shared;
  }

  static SyntheticTerminology create() {
    String dir = System.getProperty("dhp.shared.dir");
    Path terminology = dir == null ? null : Path.of(dir, "terminology");
    TerminologySource shared =
        terminology != null && Files.isDirectory(terminology)
            ? LocalTerminology.load(FormFixtures.ctx(), List.of(terminology)).terminology()
            : TerminologySource.none();
    return new SyntheticTerminology(shared);
  }

  @Override
  public Optional<ValueSetExpansion> expand(String valueSetUrl) {
    Optional<ValueSetExpansion> real = shared.expand(valueSetUrl);
    if (real.isPresent()) {
      return real;
    }
    return generated.computeIfAbsent(valueSetUrl, u -> Optional.of(generate(u)));
  }

  private static ValueSetExpansion generate(String url) {
    int n = url.equals(ICD10) ? ICD10_SIZE : 40;
    String system = url.replace("/ValueSet/", "/CodeSystem/").replace("-vs", "-cs");
    List<Concept> concepts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String code =
          url.equals(ICD10)
              ? String.format("%c%02d.%d", (char) ('A' + i / 1000 % 26), i / 10 % 100, i % 10)
              : String.format("c%03d", i);
      String[] w = WORDS[i % WORDS.length];
      concepts.add(
          new Concept(
              system,
              code,
              w[0] + " " + code,
              Map.of("uz", w[0] + " " + code, "ru", w[1] + " " + code, "en", w[2] + " " + code)));
    }
    return new ValueSetExpansion(url, concepts);
  }

  @Override
  public Optional<Concept> lookup(String system, String code) {
    return shared.lookup(system, code);
  }

  @Override
  public boolean knowsCodeSystem(String system) {
    return true;
  }
}
