package uz.dhp.forms.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.DraftQuery;
import uz.dhp.forms.store.DraftRepository;
import uz.dhp.forms.store.DraftSaveOutcome;
import uz.dhp.forms.store.DraftStatus;
import uz.dhp.forms.store.DraftWrite;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.StoreOpenOutcome;
import uz.dhp.forms.store.StoreOpener;

/**
 * Draft save latency through {@link DraftRepository} (metadata + body + audit row, one transaction,
 * WAL + synchronous=FULL) against a bare autocommit SQLite upsert of the same 30 KB text with the
 * same pragmas, interleaved in rounds so that load from other processes hits both alike; then
 * start-up integrity check cost and list query latency by store size.
 *
 * <p>{@code mvn -B -q -Pbench -Dbench=StoreBench test-compile exec:exec} (optional {@code
 * -Dbench.args="--rounds 5 --ops 1000 --sizes 1000,5000"}).
 */
public final class StoreBench {

  private static final int IDS = 200;
  private static final int PAYLOAD_BYTES = 30 * 1024;

  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = intArg(args, "--rounds", 5);
    int ops = intArg(args, "--ops", 1000);
    int warmup = intArg(args, "--warmup", 1000);
    int[] sizes =
        Arrays.stream(stringArg(args, "--sizes", "1000,5000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    Path tmp = Files.createTempDirectory("store-bench");
    try {
      upsertLatency(tmp, rounds, ops, warmup);
      for (int size : sizes) {
        startupAndList(tmp.resolve("size-" + size), size);
      }
    } finally {
      deleteRecursively(tmp);
    }
  }

  private static void upsertLatency(Path tmp, int rounds, int ops, int warmup) throws Exception {
    String[] payloads = payloads(16);
    Store store = open(tmp.resolve("store"));
    DraftRepository drafts = store.drafts();
    Actor actor = new Actor("bench");
    try (Connection bare = bareConnection(tmp.resolve("bare.db"))) {
      PreparedStatement upsert =
          bare.prepareStatement(
              "INSERT INTO draft (id, json, updated) VALUES (?, ?, ?)"
                  + " ON CONFLICT (id) DO UPDATE SET json = excluded.json,"
                  + " updated = excluded.updated");
      SplittableRandom random = new SplittableRandom(42);
      for (int i = 0; i < warmup; i++) {
        storeSave(drafts, actor, random, payloads);
        bareSave(upsert, random, payloads);
      }
      long[] storeNanos = new long[rounds * ops];
      long[] bareNanos = new long[rounds * ops];
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < ops; i++) {
          storeNanos[r * ops + i] = storeSave(drafts, actor, random, payloads);
        }
        for (int i = 0; i < ops; i++) {
          bareNanos[r * ops + i] = bareSave(upsert, random, payloads);
        }
      }
      upsert.close();
      Stats s = Stats.of(storeNanos);
      Stats b = Stats.of(bareNanos);
      System.out.printf(
          Locale.ROOT,
          "%n### Draft save latency (30 KB, %d ids, WAL + synchronous=FULL, %d × %d samples"
              + " each, %d warm-up)%n%n",
          IDS,
          rounds,
          ops,
          warmup);
      System.out.println("| variant | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | mean ms |");
      System.out.println("|---|---|---|---|---|---|---|");
      System.out.println(s.row("DraftRepository.upsert (metadata + body + audit, 1 tx)"));
      System.out.println(b.row("bare INSERT … ON CONFLICT DO UPDATE (autocommit)"));
      System.out.printf(
          Locale.ROOT,
          "| ratio store/bare | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
          s.p50 / b.p50,
          s.p90 / b.p90,
          s.p99 / b.p99,
          s.p999 / b.p999,
          s.max / b.max,
          s.mean / b.mean);
    } finally {
      store.close();
    }
  }

  private static long storeSave(
      DraftRepository drafts, Actor actor, SplittableRandom random, String[] payloads) {
    String id = String.format("00000000-0000-4000-8000-%012d", random.nextInt(IDS));
    DraftWrite w =
        new DraftWrite(
            id,
            "form-003",
            "1.0.0",
            DraftStatus.IN_PROGRESS,
            "Bench Patient",
            "31210088000012",
            payloads[random.nextInt(payloads.length)]);
    long t0 = System.nanoTime();
    DraftSaveOutcome outcome = drafts.upsert(w, actor);
    long t = System.nanoTime() - t0;
    if (!(outcome instanceof DraftSaveOutcome.Saved)) {
      throw new IllegalStateException("save failed: " + outcome);
    }
    return t;
  }

  private static long bareSave(PreparedStatement upsert, SplittableRandom random, String[] payloads)
      throws SQLException {
    upsert.setString(1, String.format("00000000-0000-4000-8000-%012d", random.nextInt(IDS)));
    upsert.setString(2, payloads[random.nextInt(payloads.length)]);
    upsert.setLong(3, System.currentTimeMillis());
    long t0 = System.nanoTime();
    upsert.executeUpdate();
    return System.nanoTime() - t0;
  }

  /** Same file kind and pragmas as the store, plain table, no audit, no metadata. */
  private static Connection bareConnection(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 5000");
      s.execute("PRAGMA journal_mode = WAL");
      s.execute("PRAGMA synchronous = FULL");
      s.execute("PRAGMA foreign_keys = ON");
      s.execute("PRAGMA secure_delete = ON");
      s.execute("CREATE TABLE draft (id TEXT PRIMARY KEY, json TEXT NOT NULL, updated INTEGER)");
    }
    return c;
  }

  private static void startupAndList(Path dir, int drafts) throws Exception {
    String[] payloads = payloads(16);
    SplittableRandom random = new SplittableRandom(7);
    Store store = open(dir);
    Actor actor = new Actor("bench");
    for (int i = 0; i < drafts; i++) {
      String id = String.format("00000000-0000-4000-8000-%012d", i);
      store
          .drafts()
          .upsert(
              new DraftWrite(
                  id,
                  i % 3 == 0 ? "form-096" : "form-003",
                  "1.0.0",
                  DraftStatus.IN_PROGRESS,
                  (i % 2 == 0 ? "Aliyev Vali " : "Ғуломов Ўлмас ") + i,
                  String.format("%014d", 31210088000000L + i),
                  payloads[random.nextInt(payloads.length)]),
              actor);
    }
    double listRecent = medianMillis(5, () -> store.drafts().list(DraftQuery.recent()));
    double listSearch =
        medianMillis(5, () -> store.drafts().list(DraftQuery.recent().withText("ғулом")));
    store.close();
    Path file = dir.resolve("dhp-forms.db");
    long bytes = Files.size(file);
    double integrity = medianMillis(3, () -> pragma(file, "integrity_check"));
    double quick = medianMillis(3, () -> pragma(file, "quick_check"));
    double open =
        medianMillis(
            3,
            () -> {
              StoreOpenOutcome o = new StoreOpener(Clock.systemUTC()).open(dir);
              ((StoreOpenOutcome.Opened) o).store().close();
            });
    System.out.printf(
        Locale.ROOT,
        "%n### Store of %d drafts (%.0f MB; OS cache warm)%n%n"
            + "| measure | median ms |%n|---|---|%n"
            + "| PRAGMA integrity_check | %.0f |%n"
            + "| PRAGMA quick_check | %.0f |%n"
            + "| StoreOpener.open (integrity_check + pragmas + audit row) | %.0f |%n"
            + "| list(DraftQuery.recent()) (200 rows) | %.1f |%n"
            + "| list(recent().withText(\"ғулом\")) (200 rows) | %.1f |%n",
        drafts,
        bytes / 1e6,
        integrity,
        quick,
        open,
        listRecent,
        listSearch);
  }

  private static void pragma(Path file, String pragma) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
      if (!rs.next() || !"ok".equals(rs.getString(1))) {
        throw new IllegalStateException(pragma + " failed");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @FunctionalInterface
  interface Work {
    void run() throws Exception;
  }

  private static double medianMillis(int reps, Work work) throws Exception {
    long[] t = new long[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      work.run();
      t[i] = System.nanoTime() - t0;
    }
    Arrays.sort(t);
    return t[reps / 2] / 1e6;
  }

  private static Store open(Path dir) {
    StoreOpenOutcome o = new StoreOpener(Clock.systemUTC()).open(dir);
    if (!(o instanceof StoreOpenOutcome.Opened opened)) {
      throw new IllegalStateException("store did not open: " + o);
    }
    return opened.store();
  }

  private static String[] payloads(int n) {
    SplittableRandom random = new SplittableRandom(1);
    String[] out = new String[n];
    for (int p = 0; p < n; p++) {
      StringBuilder sb = new StringBuilder(PAYLOAD_BYTES + 100);
      sb.append("{\"resourceType\":\"QuestionnaireResponse\",\"item\":[");
      for (int i = 0; sb.length() < PAYLOAD_BYTES; i++) {
        sb.append(i == 0 ? "" : ",").append("{\"linkId\":\"q").append(i);
        sb.append("\",\"answer\":[{\"valueString\":\"");
        for (int k = 0; k < 40; k++) {
          sb.append((char) ('a' + random.nextInt(26)));
        }
        sb.append("\"}]}");
      }
      out[p] = sb.append("]}").toString();
    }
    return out;
  }

  record Stats(double p50, double p90, double p99, double p999, double max, double mean) {
    static Stats of(long[] nanos) {
      long[] s = nanos.clone();
      Arrays.sort(s);
      return new Stats(
          ms(s, 0.50),
          ms(s, 0.90),
          ms(s, 0.99),
          ms(s, 0.999),
          s[s.length - 1] / 1e6,
          Arrays.stream(s).average().orElse(0) / 1e6);
    }

    private static double ms(long[] sorted, double q) {
      return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    String row(String name) {
      return String.format(
          Locale.ROOT,
          "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |",
          name,
          p50,
          p90,
          p99,
          p999,
          max,
          mean);
    }
  }

  private static int intArg(String[] args, String name, int def) {
    return Integer.parseInt(stringArg(args, name, Integer.toString(def)));
  }

  private static String stringArg(String[] args, String name, String def) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return def;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
