package uz.dhp.forms.bench;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.io.FormLoader;
import uz.dhp.forms.form.io.LoadOutcome;
import uz.dhp.forms.form.rules.ChangeSet;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.form.rules.FormSession;
import uz.dhp.forms.form.rules.OpenOutcome;
import uz.dhp.forms.terminology.Concept;
import uz.dhp.forms.terminology.TerminologySource;
import uz.dhp.forms.terminology.ValueSetExpansion;

/**
 * Form engine timings on a generated 700-item Questionnaire (20 groups, 2 repeating, 150
 * enableWhen, 50 calculatedExpression): cold open in this fresh JVM (FhirContext + engine creation
 * + parse + check + open), warm open, one answer change with recalculation and validation, heap
 * after open; and type-ahead search on 15,000 and 70,000 codes.
 *
 * <p>Run: {@code mvn -B -q -Pbench -Dbench=FormEngineBench test-compile exec:exec}
 */
public final class FormEngineBench {

  private static final String C = "http://hl7.org/fhir/StructureDefinition/";
  private static final String SDC = "http://hl7.org/fhir/uv/sdc/StructureDefinition/";
  static final int GROUPS = 20;
  static final int PER_GROUP = 34;

  public static void main(String[] args) {
    String json = questionnaire();
    Map<String, String> rows = new java.util.LinkedHashMap<>();

    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = cpu.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    FhirContext ctx = FhirContext.forR5();
    // The app parses/encodes FHIR anyway at start-up; this is HAPI's one-time model scan.
    ctx.newJsonParser().parseResource("{\"resourceType\":\"Basic\"}");
    long ta = System.nanoTime();
    long ca = cpu.getCurrentThreadCpuTime();
    FormEngine engine = new FormEngine(ctx, TerminologySource.none());
    long t1 = System.nanoTime();
    long c1 = cpu.getCurrentThreadCpuTime();
    FormLoader loader = new FormLoader(ctx, engine);
    FormDefinition def = ((LoadOutcome.Loaded) loader.parse("bench", json)).definition();
    long t2 = System.nanoTime();
    long c2 = cpu.getCurrentThreadCpuTime();
    FormSession session = ((OpenOutcome.Opened) engine.open(def)).session();
    long t3 = System.nanoTime();
    long c3 = cpu.getCurrentThreadCpuTime();
    rows.put(
        "Cold: FhirContext.forR5() + HAPI model scan (shared with the whole app)",
        ms(ta - t0) + " (CPU " + ms(ca - c0) + ")");
    rows.put(
        "Cold: FormEngine creation (FHIRPath engine, type stubs)",
        ms(t1 - ta) + " (CPU " + ms(c1 - ca) + ")");
    rows.put(
        "Cold: first parse + check of the 700-item form",
        ms(t2 - t1) + " (CPU " + ms(c2 - c1) + ")");
    rows.put(
        "Cold: first open (session, all rules, validation)",
        ms(t3 - t2) + " (CPU " + ms(c3 - c2) + ")");
    rows.put(
        "**Cold: engine + parse + check + open (after model scan)**",
        ms(t3 - ta) + " (CPU " + ms(c3 - ca) + ")");
    rows.put(
        "Cold total incl. FhirContext (fresh JVM)", ms(t3 - t0) + " (CPU " + ms(c3 - c0) + ")");

    double[] loadWarm = new double[30];
    double[] openWarm = new double[30];
    for (int i = 0; i < 30; i++) {
      long a = System.nanoTime();
      def = ((LoadOutcome.Loaded) loader.parse("bench", json)).definition();
      long b = System.nanoTime();
      session = ((OpenOutcome.Opened) engine.open(def)).session();
      long c = System.nanoTime();
      loadWarm[i] = (b - a) / 1e6;
      openWarm[i] = (c - b) / 1e6;
    }
    rows.put("Warm: parse + check (median of 30)", fmt(pct(loadWarm, 50)));
    rows.put("Warm: open (median of 30)", fmt(pct(openWarm, 50)));
    rows.put("**Warm: parse + check + open (median)**", fmt(pct(loadWarm, 50) + pct(openWarm, 50)));

    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    rows.put(
        "Heap used after open (after GC, whole JVM)",
        String.format(Locale.ROOT, "%.0f MB", (rt.totalMemory() - rt.freeMemory()) / 1e6));

    Random rnd = new Random(42);
    int warmup = 2000;
    int n = 5000;
    double[] change = new double[n];
    double[] changeCpu = new double[n];
    int touched = 0;
    for (int i = 0; i < warmup + n; i++) {
      int g = rnd.nextInt(GROUPS);
      int k = rnd.nextInt(PER_GROUP / 5) * 5; // integer items drive enableWhen and calculations
      ItemPath p = ItemPath.of("g" + g).child("i" + g + "_" + k);
      long ac = cpu.getCurrentThreadCpuTime();
      long a = System.nanoTime();
      ChangeSet cs = session.setAnswer(p, new AnswerValue.IntegerValue(rnd.nextInt(10)));
      long b = System.nanoTime();
      long bc = cpu.getCurrentThreadCpuTime();
      if (i >= warmup) {
        change[i - warmup] = (b - a) / 1e6;
        changeCpu[i - warmup] = (bc - ac) / 1e6;
        touched += cs.values().size() + cs.enablement().size();
      }
    }
    rows.put("Answer change incl. recalculation + validation, p50", fmt(pct(change, 50)));
    rows.put("Answer change, p99", fmt(pct(change, 99)));
    rows.put("Answer change, max", fmt(pct(change, 100)));
    rows.put(
        "Answer change, thread CPU time p50 / p99",
        fmt(pct(changeCpu, 50)) + " / " + fmt(pct(changeCpu, 99)));
    rows.put(
        "Items changed per edit (mean)", String.format(Locale.ROOT, "%.1f", touched / (double) n));

    generated700(loader, engine, rows);

    for (int size : new int[] {15_000, 70_000}) {
      ValueSetExpansion vs = codes(size, rnd);
      long a = System.nanoTime();
      vs.search("a", "ru", 20);
      long b = System.nanoTime();
      String[] queries = {"gip", "пнев", "o‘pka", "J1", "ost inf", "диаб тип", "yurak", "A0"};
      double[] q = new double[4000];
      double[] qc = new double[4000];
      for (int i = 0; i < 1000 + q.length; i++) {
        long xc = cpu.getCurrentThreadCpuTime();
        long x = System.nanoTime();
        vs.search(queries[i % queries.length], i % 2 == 0 ? "ru" : "uz", 20);
        long y = System.nanoTime();
        long yc = cpu.getCurrentThreadCpuTime();
        if (i >= 1000) {
          q[i - 1000] = (y - x) / 1e6;
          qc[i - 1000] = (yc - xc) / 1e6;
        }
      }
      rows.put(
          "Type-ahead " + size + " codes: index build (first search, one language)", ms(b - a));
      rows.put(
          "Type-ahead " + size + " codes: search p50 / p99",
          fmt(pct(q, 50)) + " / " + fmt(pct(q, 99)));
      rows.put(
          "Type-ahead " + size + " codes: search thread CPU p50 / p99",
          fmt(pct(qc, 50)) + " / " + fmt(pct(qc, 99)));
    }

    double load =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    rows.put(
        "Machine load average during run (cores: "
            + Runtime.getRuntime().availableProcessors()
            + ")",
        String.format(Locale.ROOT, "%.1f", load));
    System.out.println("| FormEngineBench (700 items, 150 enableWhen, 50 calculated) | Result |");
    System.out.println("|---|---|");
    rows.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
  }

  static String questionnaire() {
    StringBuilder items = new StringBuilder();
    int enableWhen = 0;
    int calculated = 0;
    for (int g = 0; g < GROUPS; g++) {
      if (g > 0) {
        items.append(',');
      }
      boolean repeats = g == 7 || g == 13;
      items
          .append("{\"linkId\":\"g")
          .append(g)
          .append("\",\"type\":\"group\",\"text\":\"Group ")
          .append(g)
          .append("\",\"repeats\":")
          .append(repeats)
          .append(",\"item\":[");
      for (int i = 0; i < PER_GROUP; i++) {
        String id = "i" + g + "_" + i;
        if (i > 0) {
          items.append(',');
        }
        String type =
            switch (i % 5) {
              case 0 -> "integer";
              case 1 -> "decimal";
              case 2 -> "string";
              case 3 -> "boolean";
              default -> "coding";
            };
        items
            .append("{\"linkId\":\"")
            .append(id)
            .append("\",\"type\":\"")
            .append(type)
            .append("\",\"text\":\"Item ")
            .append(id)
            .append('"');
        List<String> ext = new ArrayList<>();
        if (type.equals("integer")) {
          ext.add(
              "{\"url\":\""
                  + C
                  + "minValue\",\"valueInteger\":0},{\"url\":\""
                  + C
                  + "maxValue\",\"valueInteger\":100}");
        }
        if (type.equals("decimal") && calculated < 50 && i >= 6 && i % 10 == 6
            || type.equals("decimal") && calculated < 50 && i % 10 == 1 && g % 2 == 0) {
          String a = "i" + g + "_" + (i - 1);
          String b = "i" + g + "_" + (i >= 6 ? i - 6 : (i + 4) % PER_GROUP / 5 * 5);
          String expr =
              calculated % 5 == 0
                  ? "%resource.repeat(item).where(linkId='" + a + "').answer.value.first() * 2"
                  : "(%resource.item.where(linkId='g"
                      + g
                      + "').item.where(linkId='"
                      + a
                      + "').answer.value.first() + %resource.item.where(linkId='g"
                      + g
                      + "').item.where(linkId='"
                      + b
                      + "').answer.value.first()) / 2";
          ext.add(
              "{\"url\":\""
                  + SDC
                  + "sdc-questionnaire-calculatedExpression\",\"valueExpression\":{\"language\":\"text/fhirpath\",\"expression\":\""
                  + expr
                  + "\"}}");
          calculated++;
        }
        if (!ext.isEmpty()) {
          items.append(",\"extension\":[").append(String.join(",", ext)).append(']');
        }
        if (type.equals("coding")) {
          items.append(
              ",\"answerOption\":[{\"valueCoding\":{\"code\":\"a\",\"display\":\"A\"}},{\"valueCoding\":{\"code\":\"b\",\"display\":\"B\"}}]");
        }
        if (i >= 5 && i % 5 != 0 && enableWhen < 150 && (i % 5 == 2 || i % 5 == 4)) {
          String q = "i" + g + "_" + (i / 5 * 5);
          items
              .append(",\"enableWhen\":[{\"question\":\"")
              .append(q)
              .append("\",\"operator\":\">\",\"answerInteger\":")
              .append(i % 7)
              .append("}]");
          enableWhen++;
        }
        items.append('}');
      }
      items.append("]}");
    }
    if (enableWhen < 150 || calculated < 50) {
      throw new IllegalStateException(
          "generator: " + enableWhen + " enableWhen, " + calculated + " calculated");
    }
    return "{\"resourceType\":\"Questionnaire\",\"status\":\"draft\",\"url\":\"https://forms.dhp.uz/bench\",\"item\":["
        + items
        + "]}";
  }

  /**
   * The editor bench's generated form (GeneratedForm): 50 calculations read one decimal with {@code
   * %resource.repeat(item).where(linkId=...)}; a change of that decimal is the worst case.
   */
  private static void generated700(FormLoader loader, FormEngine engine, Map<String, String> rows) {
    String json = GeneratedForm.json();
    double[] open = new double[30];
    FormSession s = null;
    for (int i = 0; i < 5 + open.length; i++) {
      long a = System.nanoTime();
      FormDefinition d = ((LoadOutcome.Loaded) loader.parse("generated-700", json)).definition();
      s = ((OpenOutcome.Opened) engine.open(d)).session();
      long b = System.nanoTime();
      if (i >= 5) {
        open[i - 5] = (b - a) / 1e6;
      }
    }
    ItemPath driver = ItemPath.parse("p0/" + GeneratedForm.DRIVER);
    int warmup = 200;
    double[] key = new double[1000];
    double[] keyCpu = new double[key.length];
    var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < warmup + key.length; i++) {
      long ac = cpu.getCurrentThreadCpuTime();
      long a = System.nanoTime();
      s.setAnswer(driver, new AnswerValue.DecimalValue(java.math.BigDecimal.valueOf(i % 97, 1)));
      long b = System.nanoTime();
      long bc = cpu.getCurrentThreadCpuTime();
      if (i >= warmup) {
        key[i - warmup] = (b - a) / 1e6;
        keyCpu[i - warmup] = (bc - ac) / 1e6;
      }
    }
    rows.put(
        "Generated 700 (editor bench form): parse + check + open, median / p90 of 30",
        fmt(pct(open, 50)) + " / " + fmt(pct(open, 90)));
    rows.put(
        "Generated 700: change of the decimal all 50 calculations read, p50 / p99 / max",
        fmt(pct(key, 50)) + " / " + fmt(pct(key, 99)) + " / " + fmt(pct(key, 100)));
    rows.put(
        "Generated 700: that change, thread CPU time p50 / p99",
        fmt(pct(keyCpu, 50)) + " / " + fmt(pct(keyCpu, 99)));
  }

  static ValueSetExpansion codes(int size, Random rnd) {
    String[] uz = {
      "o‘pka", "yurak", "jigar", "buyrak", "qon", "bosh", "oshqozon", "ichak", "teri", "suyak"
    };
    String[] ru = {
      "пневмония",
      "диабет",
      "гипертензия",
      "инфекция",
      "острый",
      "хронический",
      "тип",
      "осложнение",
      "болезнь",
      "синдром"
    };
    String[] en = {
      "pneumonia",
      "diabetes",
      "hypertension",
      "infection",
      "acute",
      "chronic",
      "type",
      "complication",
      "disease",
      "syndrome"
    };
    List<Concept> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      String code =
          (char) ('A' + i % 26) + String.format(Locale.ROOT, "%02d.%d", i / 26 % 100, i % 10);
      Map<String, String> d = new HashMap<>();
      d.put("uz", words(uz, rnd) + " " + i);
      d.put("ru", words(ru, rnd) + " " + i);
      list.add(new Concept("http://hl7.org/fhir/sid/icd-10", code, words(en, rnd), d));
    }
    return new ValueSetExpansion("urn:bench:" + size, list);
  }

  private static String words(String[] pool, Random rnd) {
    return pool[rnd.nextInt(pool.length)]
        + " "
        + pool[rnd.nextInt(pool.length)]
        + " "
        + pool[rnd.nextInt(pool.length)];
  }

  private static double pct(double[] v, int p) {
    double[] s = v.clone();
    Arrays.sort(s);
    int idx = (int) Math.ceil(p / 100.0 * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, idx))];
  }

  private static String ms(long nanos) {
    return fmt(nanos / 1e6);
  }

  private static String fmt(double ms) {
    return String.format(Locale.ROOT, "%.3f ms", ms);
  }
}
