package uz.dhp.forms.sync;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hl7.fhir.r5.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.store.BundleIdentifier;
import uz.dhp.forms.store.StoredDocument;
import uz.dhp.forms.sync.auth.AccessTokenSource;
import uz.dhp.forms.sync.auth.TokenOutcome;

/**
 * Talks to the FHIR server: sends stored document bytes verbatim ({@code POST [base]/Bundle} with
 * {@code If-None-Exist}), asks whether a document is there, and probes connectivity. Every expected
 * failure comes back as a value. Thread-safe. Logs status codes and ids only, never bodies.
 */
public final class DhpGateway {

  private static final Logger LOG = LoggerFactory.getLogger(DhpGateway.class);
  private static final String FHIR_JSON = "application/fhir+json";

  private final ServerConfig config;
  private final FhirContext fhir;
  private final AccessTokenSource tokens;
  private final HttpClient http;

  public DhpGateway(ServerConfig config, FhirContext fhir, AccessTokenSource tokens) {
    this.config = config;
    this.fhir = fhir;
    this.tokens = tokens;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public ServerConfig config() {
    return config;
  }

  /** Sends the document once (plus one repeat after a 401 with a fresh token). */
  public DeliveryOutcome send(StoredDocument doc) {
    if (config.strategy() == SubmissionStrategy.SEARCH_THEN_CREATE) {
      LookupOutcome found = lookup(doc.bundleIdentifier());
      if (found instanceof LookupOutcome.Found f) {
        String id = f.serverIds().get(0);
        return new DeliveryOutcome.Delivered(id, "Bundle/" + id, 200, false);
      }
      if (found instanceof LookupOutcome.Unavailable u) {
        return new DeliveryOutcome.Retry(
            SyncMessage.of("sync.retry.connection"), u.detail(), 0, Optional.empty(), false);
      }
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(config.resolve("Bundle"))
            .timeout(config.requestTimeout())
            .header("Content-Type", FHIR_JSON + "; charset=UTF-8")
            .header("Accept", FHIR_JSON)
            .header("Prefer", "return=minimal")
            .POST(HttpRequest.BodyPublishers.ofByteArray(doc.bytes()));
    if (config.strategy() == SubmissionStrategy.CONDITIONAL_CREATE) {
      request.header("If-None-Exist", "identifier=" + encode(doc.bundleIdentifier().token()));
    }
    Exchange ex = exchange(request, config.requestTimeout());
    if (ex instanceof Exchange.Failed f) {
      return f.asRetry();
    }
    HttpResponse<byte[]> response = ((Exchange.Answered) ex).response();
    DeliveryOutcome outcome = ResponseClassifier.classify(fhir, response, config.baseUrl());
    if (outcome instanceof DeliveryOutcome.Rejected r
        && (r.httpStatus() == 409 || r.httpStatus() == 412)) {
      // A conflict on a conditional create may mean a concurrent copy of this very request won;
      // the server's state decides (anchors-reliability §2.3: fetch server state, reconcile).
      LookupOutcome found = lookup(doc.bundleIdentifier());
      if (found instanceof LookupOutcome.Found f && f.serverIds().size() == 1) {
        String id = f.serverIds().get(0);
        return new DeliveryOutcome.Delivered(id, "Bundle/" + id, r.httpStatus(), false);
      }
      if (found instanceof LookupOutcome.Unavailable u) {
        return new DeliveryOutcome.Retry(
            SyncMessage.of("sync.retry.connection"),
            u.detail(),
            r.httpStatus(),
            Optional.empty(),
            false);
      }
    }
    LOG.debug("POST Bundle for document {} -> {}", doc.id(), response.statusCode());
    return outcome;
  }

  /**
   * {@code GET [base]/Bundle?identifier=system|value}: is the document on the server? (No {@code
   * _elements}: HAPI applies it to the searchset Bundle itself and drops the entries.)
   */
  public LookupOutcome lookup(BundleIdentifier identifier) {
    URI uri = config.resolve("Bundle?identifier=" + encode(identifier.token()) + "&_count=10");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .header("Accept", FHIR_JSON)
            .header("Cache-Control", "no-cache")
            .GET();
    Exchange ex = exchange(request, config.requestTimeout());
    if (ex instanceof Exchange.Failed f) {
      return new LookupOutcome.Unavailable(f.detail());
    }
    HttpResponse<byte[]> response = ((Exchange.Answered) ex).response();
    if (response.statusCode() != 200) {
      return new LookupOutcome.Unavailable("HTTP " + response.statusCode());
    }
    try {
      Bundle result =
          fhir.newJsonParser()
              .parseResource(Bundle.class, new String(response.body(), StandardCharsets.UTF_8));
      List<String> ids = new ArrayList<>();
      for (Bundle.BundleEntryComponent e : result.getEntry()) {
        if (e.hasResource()) {
          ids.add(e.getResource().getIdElement().getIdPart());
        }
      }
      return ids.isEmpty() ? new LookupOutcome.NotFound() : new LookupOutcome.Found(ids);
    } catch (RuntimeException e) {
      return new LookupOutcome.Unavailable(
          "unreadable search result: " + e.getClass().getSimpleName());
    }
  }

  /** {@code GET [base]/metadata} with the short probe timeout: true when the server answers. */
  public boolean probe() {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(config.resolve("metadata?_summary=true"))
            .timeout(config.probeTimeout())
            .header("Accept", FHIR_JSON)
            .GET();
    Exchange ex = exchange(request, config.probeTimeout());
    return ex instanceof Exchange.Answered a && a.response().statusCode() < 500;
  }

  private Exchange exchange(HttpRequest.Builder request, Duration timeout) {
    Exchange first = exchangeWithToken(request, timeout);
    if (first instanceof Exchange.Answered a
        && a.response().statusCode() == 401
        && a.token() != null) {
      tokens.invalidate(a.token());
      return exchangeWithToken(request, timeout);
    }
    return first;
  }

  private Exchange exchangeWithToken(HttpRequest.Builder request, Duration timeout) {
    TokenOutcome token = tokens.currentToken();
    String bearer = null;
    if (token instanceof TokenOutcome.Token t) {
      bearer = t.value();
      request.setHeader("Authorization", "Bearer " + bearer);
    } else if (token instanceof TokenOutcome.Unavailable u) {
      return new Exchange.Failed(
          SyncMessage.of(u.reasonKey()), "no access token: " + u.detail(), false);
    }
    CompletableFuture<HttpResponse<byte[]>> call =
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    try {
      // The whole exchange, body included, must finish in time; a stalled body is a timeout too.
      return new Exchange.Answered(
          call.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS), bearer);
    } catch (TimeoutException e) {
      call.cancel(true);
      return new Exchange.Failed(SyncMessage.of("sync.retry.timeout"), "timeout", false);
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      return new Exchange.Failed(SyncMessage.of("sync.retry.connection"), "interrupted", false);
    } catch (ExecutionException e) {
      return failure(e.getCause());
    }
  }

  private static Exchange failure(Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException
        || cause instanceof ConnectException
        || cause instanceof UnresolvedAddressException
        || (cause != null && cause.getCause() instanceof ConnectException)) {
      return new Exchange.Failed(SyncMessage.of("sync.retry.offline"), describe(cause), true);
    }
    if (cause instanceof HttpTimeoutException) {
      return new Exchange.Failed(SyncMessage.of("sync.retry.timeout"), describe(cause), false);
    }
    if (cause instanceof IOException) {
      return new Exchange.Failed(SyncMessage.of("sync.retry.connection"), describe(cause), false);
    }
    return new Exchange.Failed(SyncMessage.of("sync.retry.connection"), describe(cause), false);
  }

  private static String describe(Throwable t) {
    if (t == null) {
      return "unknown";
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private sealed interface Exchange {
    record Answered(HttpResponse<byte[]> response, String token) implements Exchange {}

    record Failed(SyncMessage reason, String detail, boolean offline) implements Exchange {
      DeliveryOutcome.Retry asRetry() {
        return new DeliveryOutcome.Retry(reason, detail, 0, Optional.empty(), offline);
      }
    }
  }
}
