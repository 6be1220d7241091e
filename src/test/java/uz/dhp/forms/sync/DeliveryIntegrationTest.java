package uz.dhp.forms.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.store.BundleIdentifier;
import uz.dhp.forms.store.DocumentWrite;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxState;
import uz.dhp.forms.store.StoredDocument;
import uz.dhp.forms.sync.sandbox.SandboxProcess;

/** Delivery against the real HAPI FHIR JPA server (R5), without faults. */
class DeliveryIntegrationTest {

  @TempDir Path dir;

  @Test
  void sendsTheStoredBytesOnceAndAResendMatchesTheSameServerDocument() throws Exception {
    var server = SandboxProcess.shared();
    try (var h = new SyncHarness(dir, server.baseUrl(), Duration.ofSeconds(30), 1)) {
      DocumentWrite doc = h.queue(TestDocuments.valid("draft-1"));
      StoredDocument stored = h.store.documents().find(doc.id()).orElseThrow();

      DeliveryOutcome first = h.gateway.send(stored);
      DeliveryOutcome again = h.gateway.send(stored);

      assertThat(first).isInstanceOf(DeliveryOutcome.Delivered.class);
      assertThat(again).isInstanceOf(DeliveryOutcome.Delivered.class);
      var d1 = (DeliveryOutcome.Delivered) first;
      var d2 = (DeliveryOutcome.Delivered) again;
      assertThat(d1.created()).isTrue();
      assertThat(d2.created()).as("conditional create matched").isFalse();
      assertThat(d2.serverId()).isEqualTo(d1.serverId());
      assertThat(
              new ServerInspector(server.baseUrl(), SyncHarness.FHIR)
                  .copies(List.of(doc.bundleIdentifier())))
          .containsExactly(Map.entry(doc.bundleIdentifier().value(), 1));
      assertThat(h.gateway.lookup(doc.bundleIdentifier()))
          .isEqualTo(new LookupOutcome.Found(List.of(d1.serverId())));
    }
  }

  @Test
  void oneInvalidDocumentAmongManyIsRejectedWithItsReasonAndTheOthersAreDelivered()
      throws Exception {
    var server = SandboxProcess.shared();
    try (var h = new SyncHarness(dir, server.baseUrl(), Duration.ofSeconds(30), 2)) {
      List<DocumentWrite> docs = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        docs.add(h.queue(i == 7 ? TestDocuments.invalid("d" + i) : TestDocuments.valid("d" + i)));
      }

      h.runToCompletion(200);

      for (int i = 0; i < docs.size(); i++) {
        OutboxEntry e = h.store.outbox().find(docs.get(i).id()).orElseThrow();
        if (i == 7) {
          assertThat(e.state()).isEqualTo(OutboxState.REJECTED);
          assertThat(e.httpStatus()).hasValue(400);
          assertThat(e.attempts()).as("never retried automatically").isEqualTo(1);
          assertThat(e.lastErrorKey()).hasValue("sync.rejected.badRequest");
          ServerOutcome outcome =
              ServerOutcome.parse(SyncHarness.FHIR, e.outcomeJson().orElseThrow());
          assertThat(outcome.errors()).isNotEmpty();
          assertThat(outcome.errors().get(0).diagnostics()).contains("bogus-status");
        } else {
          assertThat(e.state()).as("document %d", i).isEqualTo(OutboxState.SENT);
          assertThat(e.serverId()).isPresent();
        }
      }
      List<BundleIdentifier> ids = docs.stream().map(DocumentWrite::bundleIdentifier).toList();
      Map<String, Integer> copies =
          new ServerInspector(server.baseUrl(), SyncHarness.FHIR).copies(ids);
      assertThat(copies).hasSize(19).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
      assertThat(copies).doesNotContainKey(docs.get(7).bundleIdentifier().value());
    }
  }

  @Test
  void searchThenCreateStrategyAlsoSendsOnce() throws Exception {
    var server = SandboxProcess.shared();
    ServerConfig config =
        ServerConfig.defaults(server.baseUrl()).withStrategy(SubmissionStrategy.SEARCH_THEN_CREATE);
    try (var h = new SyncHarness(dir, config, 4)) {
      DocumentWrite doc = h.queue(TestDocuments.valid("d"));
      StoredDocument stored = h.store.documents().find(doc.id()).orElseThrow();

      var first = (DeliveryOutcome.Delivered) h.gateway.send(stored);
      var again = (DeliveryOutcome.Delivered) h.gateway.send(stored);

      assertThat(first.created()).isTrue();
      assertThat(again.created()).isFalse();
      assertThat(again.serverId()).isEqualTo(first.serverId());
      assertThat(
              new ServerInspector(server.baseUrl(), SyncHarness.FHIR)
                  .copies(List.of(doc.bundleIdentifier())))
          .containsExactly(Map.entry(doc.bundleIdentifier().value(), 1));
    }
  }

  @Test
  void unreachableServerIsOfflineAndNothingIsLost() {
    try (var h =
        new SyncHarness(
            dir, java.net.URI.create("http://127.0.0.1:9/fhir"), Duration.ofSeconds(2), 3)) {
      DocumentWrite doc = h.queue(TestDocuments.valid("d"));

      StepResult r = h.worker.step();

      assertThat(r).isInstanceOf(StepResult.Attempted.class);
      assertThat(((StepResult.Attempted) r).offline()).isTrue();
      OutboxEntry e = h.store.outbox().find(doc.id()).orElseThrow();
      assertThat(e.state()).isEqualTo(OutboxState.WAITING_RETRY);
      assertThat(e.lastErrorKey()).hasValue("sync.retry.offline");
      assertThat(e.nextAttempt()).isAfter(h.clock.instant());
      assertThat(h.gateway.probe()).isFalse();
    }
  }
}
