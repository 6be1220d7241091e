package uz.dhp.forms.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pure rules: backoff, Retry-After, ids from Location, OperationOutcome to readable issues. */
class ResponseClassifierTest {

  @Test
  void backoffIsFullJitterCappedAndNeverShorterThanRetryAfter() {
    BackoffPolicy p = BackoffPolicy.defaults();
    SplittableRandom rnd = new SplittableRandom(1);
    for (int attempt = 1; attempt <= 40; attempt++) {
      long ceiling =
          Math.min(Duration.ofMinutes(15).toMillis(), 5000L << Math.min(attempt - 1, 20));
      for (int i = 0; i < 50; i++) {
        Duration d = p.delay(attempt, Optional.empty(), rnd);
        assertThat(d.toMillis()).isBetween(1000L, Math.max(1000L, ceiling));
      }
    }
    assertThat(p.delay(1, Optional.of(Duration.ofSeconds(120)), rnd))
        .isEqualTo(Duration.ofSeconds(120));
    assertThat(p.delay(1, Optional.of(Duration.ofDays(3)), rnd))
        .as("a broken Retry-After is capped")
        .isEqualTo(Duration.ofHours(1));
    // Jitter: the delays of one attempt are spread, not one fixed value.
    assertThat(
            java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> p.delay(5, Optional.empty(), rnd))
                .distinct()
                .count())
        .isGreaterThan(50);
  }

  @Test
  void retryAfterAcceptsSecondsAndHttpDates() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);
    assertThat(ResponseClassifier.retryAfter(Optional.of("120"), clock))
        .contains(Duration.ofSeconds(120));
    assertThat(ResponseClassifier.retryAfter(Optional.of("Thu, 26 Nov 2026 08:01:30 GMT"), clock))
        .contains(Duration.ofSeconds(90));
    assertThat(ResponseClassifier.retryAfter(Optional.of("soon"), clock)).isEmpty();
    assertThat(ResponseClassifier.retryAfter(Optional.empty(), clock)).isEmpty();
  }

  @Test
  void serverIdComesFromTheLocation() {
    assertThat(ResponseClassifier.idFromLocation("http://h:1/fhir/Bundle/1000/_history/1"))
        .isEqualTo("1000");
    assertThat(ResponseClassifier.idFromLocation("Bundle/abc")).isEqualTo("abc");
    assertThat(ResponseClassifier.idFromLocation("http://h/fhir/metadata")).isEmpty();
  }

  @Test
  void operationOutcomeIssuesBecomeMessageKeysNextToTheServersText() {
    String oo =
        """
        {"resourceType":"OperationOutcome","issue":[
          {"severity":"error","code":"required","diagnostics":"Composition.title: minimum required = 1",
           "expression":["Bundle.entry[0].resource.title"]},
          {"severity":"warning","code":"business-rule","diagnostics":"dom-6"},
          {"severity":"error","code":"processing"}]}""";

    ServerOutcome out = ServerOutcome.parse(SyncHarness.FHIR, oo);

    assertThat(out.issues()).hasSize(3);
    assertThat(out.errors()).hasSize(2);
    ServerOutcome.Issue first = out.issues().get(0);
    assertThat(first.meaning()).isEqualTo(SyncMessage.of("sync.issue.invalid"));
    assertThat(first.diagnostics()).isEqualTo("Composition.title: minimum required = 1");
    assertThat(first.where()).containsExactly("Bundle.entry[0].resource.title");
    assertThat(out.issues().get(1).meaning().key()).isEqualTo("sync.issue.businessRule");
    assertThat(out.issues().get(2).meaning().key()).isEqualTo("sync.issue.other");
    assertThat(out.codes()).isEqualTo("error:required,warning:business-rule,error:processing");
    assertThat(ServerOutcome.parse(SyncHarness.FHIR, "<html>Bad gateway</html>").issues())
        .isEmpty();
  }

  @Test
  void outboxRowsExplainThemselvesWithKeysAndArguments() {
    String oo =
        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"value\"}]}";
    var rejected =
        new uz.dhp.forms.store.OutboxEntry(
            1,
            "d",
            "dr",
            "form-003",
            new uz.dhp.forms.store.BundleIdentifier("urn:ietf:rfc:3986", "urn:uuid:x"),
            1,
            uz.dhp.forms.store.OutboxState.REJECTED,
            1,
            Instant.EPOCH,
            Optional.empty(),
            Optional.of("sync.rejected.badRequest"),
            Optional.of("HTTP 400 error:value"),
            java.util.OptionalInt.of(400),
            Optional.of(oo),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Instant.EPOCH,
            "final");
    OutboxReasons reasons = new OutboxReasons(SyncHarness.FHIR);

    assertThat(reasons.reason(rejected))
        .contains(SyncMessage.of("sync.rejected.badRequest", 400, 1));
    assertThat(reasons.outcome(rejected).errors()).hasSize(1);
    assertThat(OutboxReasons.stateKey(rejected.state())).isEqualTo("sync.state.rejected");
  }
}
