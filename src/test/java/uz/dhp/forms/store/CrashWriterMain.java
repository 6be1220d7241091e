package uz.dhp.forms.store;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The child process of {@link CrashSafetyTest}: saves ~30 KB drafts through {@link DraftRepository}
 * in a loop until it is killed. Protocol on stdout, one line per event, each ending in " END" so
 * that a line cut off by the kill is recognisable:
 *
 * <pre>
 * READY END                               store open
 * PENDING &lt;id&gt; &lt;sha256&gt; END          about to save this content
 * ACK &lt;id&gt; &lt;revision&gt; &lt;sha256&gt; END  upsert returned Saved, i.e. after COMMIT
 * OPEN &lt;outcome&gt; &lt;reasonKey&gt; END     the store did not open cleanly (then exit 3)
 * FAIL &lt;id&gt; &lt;outcome&gt; END             a save did not succeed (then exit 4)
 * </pre>
 *
 * Arguments: data directory, random seed, number of draft ids to cycle through, and optionally a
 * number of saves after which to exit normally (used once to record a class-data-sharing archive
 * that makes the killed children start faster).
 */
public final class CrashWriterMain {

  private CrashWriterMain() {}

  public static void main(String[] args) throws Exception {
    // The protocol owns file descriptor 1: anything else that might print goes to stderr, so it
    // can never split a protocol line.
    System.setOut(System.err);
    Path dir = Path.of(args[0]);
    SplittableRandom random = new SplittableRandom(Long.parseLong(args[1]));
    int ids = Integer.parseInt(args[2]);
    long maxSaves = args.length > 3 ? Long.parseLong(args[3]) : Long.MAX_VALUE;
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);

    StoreOpenOutcome outcome = new StoreOpener(Clock.systemUTC()).open(dir);
    if (!(outcome instanceof StoreOpenOutcome.Opened opened)) {
      String reason =
          outcome instanceof StoreOpenOutcome.RecoveredFromCorruption r
              ? r.reasonKey()
              : ((StoreOpenOutcome.Unavailable) outcome).reasonKey();
      emit(out, "OPEN " + outcome.getClass().getSimpleName() + " " + reason);
      System.exit(3);
      return;
    }
    DraftRepository drafts = opened.store().drafts();
    emit(out, "READY");
    Actor actor = new Actor("crash-writer");
    for (long n = 0; n < maxSaves; n++) {
      String id = Stores.id(random.nextInt(ids));
      String json = responseJson(id, n, random);
      String sha = sha256(json);
      emit(out, "PENDING " + id + " " + sha);
      DraftSaveOutcome saved =
          drafts.upsert(
              new DraftWrite(
                  id, "form-003", "1.0.0", DraftStatus.IN_PROGRESS, "Crash Test " + n, "", json),
              actor);
      if (saved instanceof DraftSaveOutcome.Saved s) {
        emit(out, "ACK " + id + " " + s.revision() + " " + sha);
      } else {
        emit(out, "FAIL " + id + " " + saved);
        System.exit(4);
      }
    }
    opened.store().close();
  }

  private static void emit(PrintStream out, String line) {
    out.print(line + " END\n");
    out.flush();
  }

  /** A synthetic QuestionnaireResponse of about 30 KB with content that differs on every save. */
  static String responseJson(String id, long n, SplittableRandom random) {
    StringBuilder sb = new StringBuilder(31_000);
    sb.append("{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"")
        .append(id)
        .append("\",\"status\":\"in-progress\",\"meta\":{\"versionId\":\"")
        .append(n)
        .append("\"},\"item\":[");
    int i = 0;
    while (sb.length() < 30_000) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"linkId\":\"q").append(i++).append("\",\"answer\":[{\"valueString\":\"");
      for (int k = 0; k < 40; k++) {
        sb.append((char) ('a' + random.nextInt(26)));
      }
      sb.append("\"}]}");
    }
    return sb.append("]}").toString();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
