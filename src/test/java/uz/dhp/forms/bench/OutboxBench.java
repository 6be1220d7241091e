package uz.dhp.forms.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.hl7.fhir.r5.model.Bundle;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.BundleIdentifier;
import uz.dhp.forms.store.DocumentWrite;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.StoreOpenOutcome;
import uz.dhp.forms.store.StoreOpener;
import uz.dhp.forms.sync.BackoffPolicy;
import uz.dhp.forms.sync.DhpGateway;
import uz.dhp.forms.sync.OutboxWorker;
import uz.dhp.forms.sync.ServerConfig;
import uz.dhp.forms.sync.auth.AccessTokenSource;
import uz.dhp.forms.sync.sandbox.SandboxProcess;

/**
 * Drains 1,000 queued documents from a real store to the local HAPI FHIR JPA server and compares
 * with a bare HAPI generic-client POST loop (conditional create, same documents, same server) in
 * the same run. Documents: the DHP Form 003 example (85 KB, 59 entries) with fresh identifiers, or
 * small synthetic ones without the reference data.
 *
 * <p>{@code mvn -B -q -Pbench -Dbench=OutboxBench test-compile exec:exec [-Dbench.args=N]}
 */
public final class OutboxBench {

  private static final String SYSTEM = "urn:ietf:rfc:3986";

  private OutboxBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path example =
        Path.of(
            System.getProperty("dhp.shared.dir", "../shared"),
            "dhp-examples",
            "form-003-example.json");
    String template = Files.exists(example) ? Files.readString(example) : null;
    String kind = template != null ? "Form 003 example (85 KB, 59 entries)" : "synthetic (0.5 KB)";
    FhirContext fhir = FhirContext.forR5Cached();
    SandboxProcess server = SandboxProcess.shared();
    URI base = server.baseUrl();

    // Warm-up of both paths (JIT, server caches), not measured.
    runOutbox(fhir, base, documents(template, 50), 4);
    runHapiClient(fhir, base, documents(template, 50));

    Result outbox = runOutbox(fhir, base, documents(template, n), 1);
    Result outbox4 = runOutbox(fhir, base, documents(template, n), 4);
    Result hapi = runHapiClient(fhir, base, documents(template, n));

    System.out.println();
    System.out.println(
        "### OutboxBench: " + n + " documents, " + kind + ", local HAPI FHIR JPA 8.8.0 (H2)");
    System.out.println();
    System.out.println("| Path | documents | wall time (s) | documents/s | queue time (s) |");
    System.out.println("|---|---:|---:|---:|---:|");
    System.out.printf(
        "| Outbox drain, 4 sends in parallel | %d | %.1f | %.1f | %.1f |%n",
        n, outbox4.seconds(), n / outbox4.seconds(), outbox4.queueSeconds());
    System.out.printf(
        "| Outbox drain, one at a time (store → worker → POST If-None-Exist) | %d | %.1f | %.1f | %.1f |%n",
        n, outbox.seconds(), n / outbox.seconds(), outbox.queueSeconds());
    System.out.printf(
        "| Bare HAPI IGenericClient conditional create loop | %d | %.1f | %.1f | – |%n",
        n, hapi.seconds(), n / hapi.seconds());
    System.out.println();
    System.out.println("Server start: " + server.startMillis() / 1000 + " s (not included).");
  }

  record Result(double seconds, double queueSeconds) {}

  private static Result runOutbox(FhirContext fhir, URI base, List<String> docs, int parallel)
      throws Exception {
    Path dir = Files.createTempDirectory("outbox-bench");
    Clock clock = Clock.systemUTC();
    StoreOpenOutcome opened = new StoreOpener(clock).open(dir);
    try (Store store = ((StoreOpenOutcome.Opened) opened).store()) {
      long q0 = System.nanoTime();
      for (String json : docs) {
        String value = identifierValue(json);
        store
            .documents()
            .storeAndQueue(
                new DocumentWrite(
                    UUID.randomUUID().toString(),
                    "bench",
                    "form-003",
                    new BundleIdentifier(SYSTEM, value),
                    null,
                    1,
                    "final",
                    false,
                    json.getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM);
      }
      double queue = (System.nanoTime() - q0) / 1e9;
      DhpGateway gateway =
          new DhpGateway(ServerConfig.defaults(base), fhir, AccessTokenSource.none());
      OutboxWorker worker =
          new OutboxWorker(
              store.outbox(),
              store.documents(),
              gateway,
              BackoffPolicy.defaults(),
              clock,
              new SplittableRandom(1),
              e -> {});
      long t0 = System.nanoTime();
      int steps = worker.drain(parallel).attempted();
      double s = (System.nanoTime() - t0) / 1e9;
      if (steps != docs.size() || store.outbox().counts().sent() != docs.size()) {
        throw new IllegalStateException("not all sent: " + store.outbox().counts());
      }
      return new Result(s, queue);
    }
  }

  private static Result runHapiClient(FhirContext fhir, URI base, List<String> docs) {
    fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    IGenericClient client = fhir.newRestfulGenericClient(base.toString());
    List<Bundle> parsed = new ArrayList<>();
    for (String json : docs) {
      parsed.add(fhir.newJsonParser().parseResource(Bundle.class, json));
    }
    long t0 = System.nanoTime();
    for (Bundle b : parsed) {
      MethodOutcome o =
          client
              .create()
              .resource(b)
              .conditionalByUrl(
                  "Bundle?identifier="
                      + URLEncoder.encode(
                          b.getIdentifier().getSystem() + "|" + b.getIdentifier().getValue(),
                          StandardCharsets.UTF_8))
              .execute();
      if (o.getId() == null) {
        throw new IllegalStateException("no id");
      }
    }
    return new Result((System.nanoTime() - t0) / 1e9, 0);
  }

  private static List<String> documents(String template, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String value = "urn:uuid:" + UUID.randomUUID();
      if (template == null) {
        out.add(
            ("{\"resourceType\":\"Bundle\",\"identifier\":{\"system\":\"%s\",\"value\":\"%s\"},"
                    + "\"type\":\"document\",\"timestamp\":\"2026-11-26T08:00:00Z\",\"entry\":[{\"fullUrl\":"
                    + "\"urn:uuid:%s\",\"resource\":{\"resourceType\":\"Composition\",\"status\":\"final\","
                    + "\"type\":{\"text\":\"Bench\"},\"date\":\"2026-11-26T08:00:00Z\",\"author\":"
                    + "[{\"display\":\"Bench\"}],\"title\":\"Bench\"}}]}")
                .formatted(SYSTEM, value, UUID.randomUUID()));
      } else {
        out.add(template.replace("urn:uuid:760e8400-e29b-41d4-a716-446655440003", value));
      }
    }
    return out;
  }

  private static String identifierValue(String json) {
    int i = json.indexOf("\"value\"", json.indexOf("\"identifier\""));
    int start = json.indexOf("urn:uuid:", i);
    int end = json.indexOf('"', start);
    return json.substring(start, end);
  }
}
