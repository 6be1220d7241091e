package uz.dhp.forms.sync;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r5.model.CapabilityStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.sync.auth.AccessTokenSource;
import uz.dhp.forms.sync.auth.TokenOutcome;

/**
 * "Test connection" for the settings screen: {@code GET [base]/metadata}, then, when a login is set
 * up, one token request. Blocking (seconds at most, bounded by the config's timeouts): call it off
 * the FX thread. Logs only the outcome kind, never tokens.
 */
public final class ConnectionTester {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionTester.class);

  private final FhirContext fhir;

  public ConnectionTester(FhirContext fhir) {
    this.fhir = fhir;
  }

  public ConnectionOutcome test(ServerConfig config, AccessTokenSource tokens) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(config.baseUrl() + "/metadata"))
            .timeout(config.requestTimeout())
            .header("Accept", "application/fhir+json")
            .GET()
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ConnectionOutcome.Unreachable(
          SyncMessage.of("sync.settings.test.unreachable"), "interrupted");
    } catch (IOException | UnresolvedAddressException e) {
      LOG.info("Connection test: no answer ({})", e.getClass().getSimpleName());
      return unreachable(e);
    }
    if (response.statusCode() != 200) {
      return new ConnectionOutcome.NotFhir(response.statusCode());
    }
    CapabilityStatement cs;
    try {
      cs =
          fhir.newJsonParser()
              .parseResource(
                  CapabilityStatement.class, new String(response.body(), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return new ConnectionOutcome.NotFhir(response.statusCode());
    }
    String version = cs.hasFhirVersion() ? cs.getFhirVersion().toCode() : "?";
    String software = cs.hasSoftware() ? cs.getSoftware().getName() : "FHIR";
    TokenOutcome token = tokens.currentToken();
    if (token instanceof TokenOutcome.Unavailable u) {
      return new ConnectionOutcome.LoginFailed(SyncMessage.of(u.reasonKey()));
    }
    return new ConnectionOutcome.Reachable(version, software, token instanceof TokenOutcome.Token);
  }

  private static ConnectionOutcome unreachable(Exception e) {
    String key =
        e instanceof HttpConnectTimeoutException || !(e instanceof HttpTimeoutException)
            ? "sync.settings.test.unreachable"
            : "sync.settings.test.timeout";
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      key = "sync.settings.test.refused";
    }
    if (e instanceof UnresolvedAddressException
        || e.getCause() instanceof UnresolvedAddressException) {
      key = "sync.settings.test.unknownHost";
    }
    return new ConnectionOutcome.Unreachable(SyncMessage.of(key), e.getClass().getSimpleName());
  }
}
