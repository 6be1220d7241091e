package uz.dhp.forms.document;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import uz.dhp.forms.document.extract.FormFiles;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.master.ClinicOrganization;
import uz.dhp.forms.document.master.ClinicPractitioner;
import uz.dhp.forms.document.master.Department;
import uz.dhp.forms.document.master.PartnerOrganization;

/** Shared test data: synthetic clinic, fixed clock, the repository forms. */
public final class Fixtures {

  /** One R5 context per test JVM, as in the app (the one process-wide object). */
  public static final FhirContext FHIR = FhirContext.forR5Cached();

  private Fixtures() {}

  public static Clock clock() {
    return Clock.fixed(Instant.parse("2026-02-18T05:00:00Z"), ZoneId.of("Asia/Tashkent"));
  }

  public static FormFiles form(String number) {
    try {
      return FormFiles.load(formsDir().resolve("form-" + number));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path formsDir() {
    Path p = Path.of(System.getProperty("dhp.forms.dir", "forms"));
    return Files.isDirectory(p) ? p : Path.of("forms");
  }

  /** The shared reference directory, or null when this machine does not have it. */
  public static Path sharedDir() {
    String dir = System.getProperty("dhp.shared.dir");
    if (dir == null || !Files.isDirectory(Path.of(dir))) {
      return null;
    }
    return Path.of(dir);
  }

  /** Synthetic clinic matching the people and places of DHP's two worked examples. */
  public static ClinicMasterData clinic() {
    return new ClinicMasterData(
        new ClinicOrganization(
            "clinic", "Toshkent shahar klinik shifoxonasi", "301234567", "", "200001"),
        List.of(
            new Department("ther", "Terapiya bo'limi", "D-THER"),
            new Department("maternity", "Tug'ruq bo'limi", "D-MAT")),
        List.of(
            new ClinicPractitioner(
                "att",
                "31204909999995",
                "Rasulov",
                "Bahodir",
                "Baxtiyorovich",
                "2211.6",
                "Medical specialist",
                "ther"),
            new ClinicPractitioner(
                "head", "31505809999990", "Qodirov", "Anvar", "", "1342.18", "", "ther"),
            new ClinicPractitioner(
                "deputy",
                "41003759999990",
                "Yusupova",
                "Nigora",
                "",
                "1120.185",
                "Deputy chief physician",
                ""),
            new ClinicPractitioner(
                "obgyn", "41405949999995", "Sobirova", "Dilfuza", "", "2222.1", "", "maternity"),
            new ClinicPractitioner(
                "midwife", "42001929999998", "Ergasheva", "Malika", "", "3222.1", "", "maternity")),
        List.of(
            new PartnerOrganization("poly", "Yunusobod tuman oilaviy poliklinikasi", "200935"),
            new PartnerOrganization("rh2", "2-son shahar tug'ruqxonasi", "200777")));
  }
}
