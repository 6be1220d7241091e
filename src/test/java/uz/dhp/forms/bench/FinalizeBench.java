package uz.dhp.forms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import uz.dhp.forms.document.DocumentService;
import uz.dhp.forms.document.FinalizeOutcome;
import uz.dhp.forms.document.Fixtures;
import uz.dhp.forms.document.Form003Example;
import uz.dhp.forms.document.Form096Example;
import uz.dhp.forms.document.extract.DocumentExtractor;
import uz.dhp.forms.document.extract.ExtractedDocument;
import uz.dhp.forms.document.extract.FormFiles;
import uz.dhp.forms.document.validation.DocumentValidator;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.support.IdGenerator;

/**
 * Validator warm-up (time, heap) and finalize latency (extract + narrative + validate, the work of
 * {@link DocumentService#finalizeDocument}) for the worked examples of Form 003 and Form 096, warm,
 * with percentiles. Packages from {@code dhp.shared.dir}/fhir-packages when present.
 *
 * <p>{@code mvn -B -q -Pbench -Dbench=FinalizeBench test-compile exec:exec} (optional {@code
 * -Dbench.args="--warmup 10 --runs 30"}).
 */
public final class FinalizeBench {

  private FinalizeBench() {}

  public static void main(String[] args) {
    int warmup = intArg(args, "--warmup", 10);
    int runs = intArg(args, "--runs", 30);
    Path shared = Fixtures.sharedDir();
    Optional<Path> packages =
        shared == null ? Optional.empty() : Optional.of(shared.resolve("fhir-packages"));

    long heapBefore = usedHeap();
    long t0 = System.nanoTime();
    DocumentValidator validator = DocumentValidator.create(Fixtures.FHIR, packages);
    double buildMs = ms(System.nanoTime() - t0);
    long heapAfter = usedHeap();

    FormFiles f003 = Fixtures.form("003");
    FormFiles f096 = Fixtures.form("096");
    JsonNode qr003 = Form003Example.response(f003.questionnaire());
    JsonNode qr096 = Form096Example.response(f096.questionnaire());

    long t1 = System.nanoTime();
    ExtractedDocument first = extract(f003, qr003, "att", 0);
    validator.validate(first);
    double firstMs = ms(System.nanoTime() - t1);

    DocumentService service =
        new DocumentService(
            Fixtures.FHIR,
            Fixtures.clock(),
            IdGenerator.random(),
            CompletableFuture.completedFuture(validator));
    double[] extract003 = new double[runs];
    double[] validate003 = new double[runs];
    double[] finalize003 = new double[runs];
    double[] finalize096 = new double[runs];
    for (int i = -warmup; i < runs; i++) {
      long a = System.nanoTime();
      ExtractedDocument d = extract(f003, qr003, "att", i);
      long b = System.nanoTime();
      validator.validate(d);
      long c = System.nanoTime();
      FinalizeOutcome o003 = service.finalizeDocument(request(f003, qr003, "att"));
      long e = System.nanoTime();
      FinalizeOutcome o096 = service.finalizeDocument(request(f096, qr096, "obgyn"));
      long g = System.nanoTime();
      if (!(o003 instanceof FinalizeOutcome.Finalized)
          || !(o096 instanceof FinalizeOutcome.Finalized)) {
        throw new IllegalStateException("worked example did not finalize");
      }
      if (i >= 0) {
        extract003[i] = ms(b - a);
        validate003[i] = ms(c - b);
        finalize003[i] = ms(e - c);
        finalize096[i] = ms(g - e);
      }
    }
    System.out.println("## FinalizeBench");
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "JVM %s, %d CPUs, max heap %d MB; packages: %s%n%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        validator.packages().isEmpty()
            ? "none (R5 core only)"
            : String.join(", ", validator.packages()));
    System.out.println("| Measure | Value |");
    System.out.println("|---|---|");
    System.out.printf(
        Locale.ROOT, "| Validator build (R5 core + packages), once | %.0f ms |%n", buildMs);
    System.out.printf(
        Locale.ROOT,
        "| Heap retained by the validator (after GC) | %d MB |%n",
        (heapAfter - heapBefore) >> 20);
    System.out.printf(
        Locale.ROOT, "| Process heap used after build (after GC) | %d MB |%n", heapAfter >> 20);
    System.out.printf(
        Locale.ROOT, "| First extract + validate of Form 003 (cold caches) | %.0f ms |%n", firstMs);
    System.out.println();
    System.out.printf(Locale.ROOT, "Warm, %d runs after %d warm-up runs (ms):%n%n", runs, warmup);
    System.out.println("| Step | p50 | p90 | max |");
    System.out.println("|---|---|---|---|");
    row("Form 003 extract + narrative", extract003);
    row("Form 003 validate (HAPI + DHP rules)", validate003);
    row("Form 003 finalize (checks + extract + validate + bytes)", finalize003);
    row("Form 096 finalize", finalize096);
    System.out.printf(
        Locale.ROOT,
        "%nForm 003 document: %d entries, %d KB JSON%n",
        first.sources().entries().size(),
        first.json().length() >> 10);
  }

  private static ExtractedDocument extract(FormFiles form, JsonNode qr, String signer, int i) {
    return new DocumentExtractor(Fixtures.FHIR, Fixtures.clock(), IdGenerator.sequential("b" + i))
        .extract(
            new DocumentExtractor.Request(
                form, qr, Fixtures.clinic(), signer, Optional.empty(), "uz"));
  }

  private static DocumentService.FinalizeRequest request(
      FormFiles form, JsonNode qr, String signer) {
    return new DocumentService.FinalizeRequest(
        form, qr, Fixtures.clinic(), signer, UiLanguage.UZ_LATN, "uz");
  }

  private static void row(String name, double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    System.out.printf(
        Locale.ROOT,
        "| %s | %.0f | %.0f | %.0f |%n",
        name,
        pct(s, 50),
        pct(s, 90),
        s[s.length - 1]);
  }

  private static double pct(double[] sorted, int p) {
    int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }

  private static int intArg(String[] args, String name, int def) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return def;
  }
}
