package uz.dhp.forms.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.i18n.Messages;
import uz.dhp.forms.i18n.UiLanguage;

/** Importing code lists into the code lists folder, with real files in temporary folders. */
class TerminologyImportTest {

  static FhirContext ctx;

  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    ctx = FhirContext.forR5Cached();
  }

  static final String CS =
      """
      {"resourceType":"CodeSystem","url":"urn:test:cs","status":"active","content":"complete",
       "concept":[{"code":"a","display":"Alpha"},{"code":"b","display":"Beta"}]}""";
  static final String VS =
      """
      {"resourceType":"ValueSet","url":"urn:test:vs","status":"active",
       "compose":{"include":[{"system":"urn:test:cs"}]}}""";

  TerminologyImport importer() {
    return new TerminologyImport(ctx);
  }

  Path write(Path dir, String name, String text) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static Map<String, String> reasons(ImportOutcome.Imported o) {
    return o.skipped().stream()
        .collect(
            java.util.stream.Collectors.toMap(
                ImportOutcome.Skipped::file, ImportOutcome.Skipped::reasonKey));
  }

  @Test
  void folderOfJsonImportsCodeListsAndSkipsEverythingElseWithAReason() throws IOException {
    Path src = tmp.resolve("src");
    write(src, "cs.json", CS);
    write(src, "vs.JSON", VS);
    write(src, "patient.json", "{\"resourceType\":\"Patient\",\"id\":\"p1\"}");
    write(src, "garbage.json", "this is not json at all {");
    write(
        src,
        "nourl.json",
        "{\"resourceType\":\"CodeSystem\",\"status\":\"active\",\"content\":\"complete\"}");
    write(src, "README.md", "# notes");
    Path target = tmp.resolve("data/terminology");

    ImportOutcome.Imported o = (ImportOutcome.Imported) importer().importFrom(src, target);

    assertThat(o.codeSystems()).isEqualTo(1);
    assertThat(o.valueSets()).isEqualTo(1);
    assertThat(o.packages()).isZero();
    assertThat(reasons(o))
        .containsOnly(
            Map.entry("patient.json", "terminology.import.wrongResource"),
            Map.entry("garbage.json", "terminology.import.notFhir"),
            Map.entry("nourl.json", "terminology.import.noUrl"),
            Map.entry("README.md", "terminology.import.notCodeList"));
    assertThat(o.skipped())
        .filteredOn(s -> s.file().equals("patient.json"))
        .singleElement()
        .extracting(ImportOutcome.Skipped::args)
        .isEqualTo(List.of("patient.json", "Patient"));
    // the loader reads lower-case .json only, and no temporary file is left behind
    assertThat(names(target)).containsExactly("cs.json", "vs.json");

    LocalTerminology.Loaded loaded = LocalTerminology.load(ctx, List.of(target));
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.terminology().expand("urn:test:vs").orElseThrow().concepts())
        .extracting(Concept::code)
        .containsExactly("a", "b");
  }

  @Test
  void aBrokenFileNeverReplacesAGoodOneButAValidNewVersionDoes() throws IOException {
    Path target = tmp.resolve("terminology");
    importer().importFrom(write(tmp.resolve("v1"), "cs.json", CS), target);
    String good = Files.readString(target.resolve("cs.json"));

    ImportOutcome.Imported broken =
        (ImportOutcome.Imported)
            importer()
                .importFrom(write(tmp.resolve("v2"), "cs.json", "{\"resourceType\":"), target);
    assertThat(reasons(broken)).containsOnly(Map.entry("cs.json", "terminology.import.notFhir"));
    assertThat(Files.readString(target.resolve("cs.json"))).isEqualTo(good);

    String v3 = CS.replace("Alpha", "Alpha v3");
    importer().importFrom(write(tmp.resolve("v3"), "cs.json", v3), target);
    assertThat(Files.readString(target.resolve("cs.json"))).isEqualTo(v3);
    assertThat(names(target)).containsExactly("cs.json");
  }

  @Test
  void aFhirPackageIsCheckedAndKeptAsIsForTheLoader() throws IOException {
    Path pkg =
        tgz(
            tmp.resolve("test.pkg-1.0.0.tgz"),
            Map.of(
                "package/package.json",
                "{\"name\":\"test.pkg\",\"version\":\"1.0.0\",\"fhirVersions\":[\"5.0.0\"]}",
                "package/CodeSystem-cs.json",
                CS,
                "package/ValueSet-vs.json",
                VS));
    Path target = tmp.resolve("terminology");

    ImportOutcome.Imported o = (ImportOutcome.Imported) importer().importFrom(pkg, target);

    assertThat(o.skipped()).isEmpty();
    assertThat(o.packages()).isEqualTo(1);
    assertThat(o.codeSystems()).isEqualTo(1);
    assertThat(o.valueSets()).isEqualTo(1);
    assertThat(names(target)).containsExactly("test.pkg-1.0.0.tgz");
    LocalTerminology.Loaded loaded =
        LocalTerminology.load(ctx, List.of(target.resolve("test.pkg-1.0.0.tgz")));
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.terminology().knowsCodeSystem("urn:test:cs")).isTrue();
  }

  @Test
  void packagesWithPathsLeavingTheFolderAreRefused() throws IOException {
    String manifest = "{\"name\":\"evil\",\"version\":\"1.0.0\"}";
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    tgz(
        src.resolve("dotdot.tgz"),
        Map.of("package/package.json", manifest, "package/../../evil.json", CS));
    tgz(
        src.resolve("absolute.tgz"),
        Map.of("package/package.json", manifest, "/tmp/evil.json", CS));
    Path target = tmp.resolve("terminology");

    ImportOutcome.Imported o = (ImportOutcome.Imported) importer().importFrom(src, target);

    assertThat(reasons(o))
        .containsOnly(
            Map.entry("dotdot.tgz", "terminology.import.unsafePath"),
            Map.entry("absolute.tgz", "terminology.import.unsafePath"));
    assertThat(o.skipped())
        .filteredOn(s -> s.file().equals("dotdot.tgz"))
        .singleElement()
        .extracting(s -> s.args().get(1))
        .isEqualTo("package/../../evil.json");
    assertThat(names(target)).isEmpty();
    assertThat(PackageCheck.isSafe("package/a/../b.json")).isFalse();
    assertThat(PackageCheck.isSafe("C:\\x.json")).isFalse();
    assertThat(PackageCheck.isSafe("package/CodeSystem-..x.json")).isTrue();
  }

  @Test
  void notPackagesAndPackagesWithoutCodeListsAreSkipped() throws IOException {
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    Files.write(src.resolve("random.tgz"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    tgz(src.resolve("nomanifest.tgz"), Map.of("package/CodeSystem-cs.json", CS));
    tgz(
        src.resolve("empty.tgz"),
        Map.of("package/package.json", "{\"name\":\"e\",\"version\":\"1.0.0\"}"));
    Path target = tmp.resolve("terminology");

    ImportOutcome.Imported o = (ImportOutcome.Imported) importer().importFrom(src, target);

    assertThat(o.isEmpty()).isTrue();
    assertThat(reasons(o))
        .containsOnly(
            Map.entry("random.tgz", "terminology.import.notPackage"),
            Map.entry("nomanifest.tgz", "terminology.import.notPackage"),
            Map.entry("empty.tgz", "terminology.import.noCodeLists"));
    assertThat(names(target)).isEmpty();
  }

  @Test
  void oversizedFilesAndPackageBombsAreRefusedBeforeTheyAreRead() throws IOException {
    Path src = tmp.resolve("src");
    write(src, "big.json", CS);
    tgz(
        src.resolve("bomb.tgz"),
        Map.of(
            "package/package.json",
            "{\"name\":\"b\",\"version\":\"1.0.0\"}",
            "package/CodeSystem-big.json",
            CS + " ".repeat(200_000)));
    TerminologyImport small =
        new TerminologyImport(ctx, new TerminologyImport.Limits(100, 1 << 20, 100_000));
    Path target = tmp.resolve("terminology");

    ImportOutcome.Imported o = (ImportOutcome.Imported) small.importFrom(src, target);

    assertThat(reasons(o))
        .containsOnly(
            Map.entry("big.json", "terminology.import.tooLarge"),
            Map.entry("bomb.tgz", "terminology.import.tooLarge"));
    assertThat(names(target)).isEmpty();
  }

  @Test
  void unusableSourcesAndFoldersFailWithoutTouchingAnything() throws IOException {
    Path target = tmp.resolve("terminology");
    assertThat(importer().importFrom(tmp.resolve("missing"), target))
        .isEqualTo(
            new ImportOutcome.Failed(
                "terminology.import.sourceMissing", List.of(tmp.resolve("missing").toString())));
    Path txt = write(tmp, "codes.txt", "a,b");
    assertThat(importer().importFrom(txt, target))
        .extracting(o -> ((ImportOutcome.Failed) o).reasonKey())
        .isEqualTo("terminology.import.unsupportedSource");
    write(target, "cs.json", CS);
    assertThat(importer().importFrom(target, target))
        .extracting(o -> ((ImportOutcome.Failed) o).reasonKey())
        .isEqualTo("terminology.import.sameFolder");
    Path notADir = write(tmp, "file-not-folder", "x");
    assertThat(importer().importFrom(target.resolve("cs.json"), notADir))
        .extracting(o -> ((ImportOutcome.Failed) o).reasonKey())
        .isEqualTo("terminology.import.folderNotWritable");
  }

  @Test
  void everyReasonKeyIsTranslated() {
    Messages en = new Messages(UiLanguage.EN);
    for (String key :
        List.of(
            "sourceMissing",
            "unsupportedSource",
            "sourceUnreadable",
            "sameFolder",
            "folderNotWritable",
            "notCodeList",
            "wrongResource",
            "notFhir",
            "noUrl",
            "tooLarge",
            "unreadable",
            "notPackage",
            "unsafePath",
            "noCodeLists",
            "writeFailed",
            "summary")) {
      assertThat(en.get("terminology.import." + key, "x", "y", "z", "w")).doesNotStartWith("!");
    }
  }

  @Test
  void theSharedNationalCodeListsImportAndLoadAsTheyDoInPlace() {
    String dir = System.getProperty("dhp.shared.dir");
    Assumptions.assumeTrue(
        dir != null && Files.isDirectory(Path.of(dir, "terminology")),
        "shared terminology not available (system property dhp.shared.dir)");
    Path shared = Path.of(dir, "terminology");
    Path target = tmp.resolve("terminology");

    ImportOutcome.Imported o = (ImportOutcome.Imported) importer().importFrom(shared, target);

    LocalTerminology direct = LocalTerminology.load(ctx, List.of(shared)).terminology();
    LocalTerminology.Loaded imported = LocalTerminology.load(ctx, List.of(target));
    assertThat(imported.problems()).isEmpty();
    assertThat(o.codeSystems()).isEqualTo(direct.codeSystemCount()).isGreaterThan(20);
    assertThat(o.valueSets()).isEqualTo(direct.valueSetCount());
    assertThat(imported.terminology().codeSystemCount()).isEqualTo(direct.codeSystemCount());
    assertThat(imported.terminology().valueSetCount()).isEqualTo(direct.valueSetCount());
    assertThat(o.skipped())
        .allSatisfy(s -> assertThat(s.reasonKey()).isEqualTo("terminology.import.notCodeList"));
    assertThat(
            imported
                .terminology()
                .expand("https://terminology.dhp.uz/fhir/integrations/ValueSet/fetal-lie-vs"))
        .isPresent();
  }

  @Test
  void theSharedFhirPackagesImportAndLoad() {
    String dir = System.getProperty("dhp.shared.dir");
    Assumptions.assumeTrue(
        dir != null && Files.isDirectory(Path.of(dir, "fhir-packages")),
        "shared FHIR packages not available (system property dhp.shared.dir)");
    Path target = tmp.resolve("terminology");

    ImportOutcome.Imported o =
        (ImportOutcome.Imported) importer().importFrom(Path.of(dir, "fhir-packages"), target);

    assertThat(o.packages()).isGreaterThanOrEqualTo(2);
    assertThat(o.codeSystems()).isPositive();
    List<Path> packages;
    try (Stream<Path> s = Files.list(target)) {
      packages = s.filter(p -> p.toString().endsWith(".tgz")).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    LocalTerminology.Loaded loaded = LocalTerminology.load(ctx, packages);
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.terminology().codeSystemCount()).isEqualTo(o.codeSystems());
  }

  static Path tgz(Path file, Map<String, String> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }
    return file;
  }
}
