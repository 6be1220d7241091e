package uz.dhp.forms.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.i18n.Messages;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.store.DocumentWrite;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxState;
import uz.dhp.forms.sync.sandbox.SandboxProcess;

/**
 * The server says "conflict" (409) or "precondition failed" (412): the document is refused, never
 * retried on its own, and the row carries a reason the user can read in their language.
 */
class ConflictResponseTest {

  @TempDir Path dir;

  @Test
  void twoCopiesOnTheServerMakeTheConditionalCreateFailWith412AndTheRowIsRejected()
      throws Exception {
    var server = SandboxProcess.shared();
    try (var h = new SyncHarness(dir, server.baseUrl(), Duration.ofSeconds(30), 11)) {
      DocumentWrite doc = TestDocuments.valid("draft-412");
      // Someone stored two copies with this identifier by plain POSTs (no If-None-Exist).
      postPlain(server.baseUrl(), doc.bytes());
      postPlain(server.baseUrl(), doc.bytes());
      assertThat(
              new ServerInspector(server.baseUrl(), SyncHarness.FHIR)
                  .copies(List.of(doc.bundleIdentifier())))
          .containsExactly(Map.entry(doc.bundleIdentifier().value(), 2));
      h.queue(doc);

      h.runToCompletion(10);

      OutboxEntry e = h.store.outbox().find(doc.id()).orElseThrow();
      assertThat(e.state()).isEqualTo(OutboxState.REJECTED);
      assertThat(e.httpStatus()).hasValue(412);
      assertThat(e.attempts()).as("not retried on its own").isEqualTo(1);
      assertThat(e.lastErrorKey()).hasValue("sync.rejected.preconditionFailed");
      String text = readable(e, UiLanguage.EN);
      assertThat(text).contains("more than one document with this number").contains("412");
      assertThat(readable(e, UiLanguage.RU)).doesNotContain("more than one").contains("412");
      assertThat(
              new ServerInspector(server.baseUrl(), SyncHarness.FHIR)
                  .copies(List.of(doc.bundleIdentifier())))
          .as("no third copy")
          .containsExactly(Map.entry(doc.bundleIdentifier().value(), 2));
    }
  }

  @Test
  void a409ConflictIsRejectedWithTheServersIssueWhenTheDocumentIsNotThere() throws Exception {
    var server = SandboxProcess.shared();
    try (FaultProxy proxy = new FaultProxy(server.baseUrl(), Duration.ZERO, Duration.ZERO);
        var h = new SyncHarness(dir, proxy.baseUrl(), Duration.ofSeconds(30), 12)) {
      // The POST gets the named 409; the reconciling search then passes to the real server.
      proxy.schedule(List.of(Fault.HTTP_409_CONFLICT));
      DocumentWrite doc = h.queue(TestDocuments.valid("draft-409"));

      h.runToCompletion(10);

      OutboxEntry e = h.store.outbox().find(doc.id()).orElseThrow();
      assertThat(e.state()).isEqualTo(OutboxState.REJECTED);
      assertThat(e.httpStatus()).hasValue(409);
      assertThat(e.lastErrorKey()).hasValue("sync.rejected.conflict");
      assertThat(readable(e, UiLanguage.EN))
          .contains("conflict with an existing document")
          .contains("409");
      ServerOutcome outcome = new OutboxReasons(SyncHarness.FHIR).outcome(e);
      assertThat(outcome.errors()).hasSize(1);
      assertThat(outcome.errors().get(0).meaning().key()).isEqualTo("sync.issue.conflict");
      assertThat(
              new ServerInspector(server.baseUrl(), SyncHarness.FHIR)
                  .copies(List.of(doc.bundleIdentifier())))
          .as("the refused document is not on the server")
          .isEmpty();
    }
  }

  private static String readable(OutboxEntry e, UiLanguage language) {
    SyncMessage m = new OutboxReasons(SyncHarness.FHIR).reason(e).orElseThrow();
    return new Messages(language).get(m.key(), m.argArray());
  }

  private static void postPlain(URI base, byte[] body) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/Bundle"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(201);
  }
}
