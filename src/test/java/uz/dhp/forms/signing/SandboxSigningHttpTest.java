package uz.dhp.forms.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.signing.sandbox.SandboxSignerServer;
import uz.dhp.forms.signing.sandbox.TestPractitioner;
import uz.dhp.forms.support.IdGenerator;

/**
 * The ceremony over real HTTP on 127.0.0.1: host page server, sandbox signer on a second origin,
 * and {@link SigningService} handling the message the WebView would relay. (The WebView itself is
 * exercised by the signing.ui tests.)
 */
class SandboxSigningHttpTest {

  private static final String ROLE = "urn:uuid:8a3e1f20-1111-4c3b-9a5e-000000000004";

  private final SigningFixture f = SigningFixture.get();
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private LoopbackServer host;
  private SandboxSignerServer sandbox;
  private IframeSigningAdapter adapter;
  private SigningService service;
  private SignedDocumentService documents;

  @BeforeEach
  void start() throws IOException {
    host = LoopbackServer.start("test-host");
    sandbox = SandboxSignerServer.start(f.ca, SigningFixture.CLOCK, host.origin());
    adapter =
        new IframeSigningAdapter(
            host,
            sandbox.signingUrlTemplate(),
            SigningFixture.CLOCK,
            IdGenerator.sequential("session"));
    documents =
        new SignedDocumentService(
            f.fhir, f.canonicalizer, f.verifier, IdGenerator.sequential("prov"));
    service =
        new SigningService(
            f.canonicalizer, f.verifier, documents, adapter, f.ca.trustAnchors(), Optional.empty());
  }

  @AfterEach
  void stop() {
    sandbox.close();
    host.close();
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postSign(String body, String contentType, String origin)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.origin() + "/sandbox/api/sign"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private SigningCeremony begin(TestPractitioner signer, UiLanguage language) {
    CeremonyStart start =
        service.begin(
            f.document(signer, "http"),
            new SignerRole(ROLE, "Aliyev T."),
            signer.pinfl(),
            language);
    assertThat(start).isInstanceOf(CeremonyStart.Started.class);
    return ((CeremonyStart.Started) start).ceremony();
  }

  @Test
  void theHostPageEmbedsTheSigningPageOfAnotherOriginAndCarriesTheRequest() throws Exception {
    SigningCeremony ceremony = begin(f.practitioner(0), UiLanguage.RU);
    assertThat(sandbox.origin()).isNotEqualTo(host.origin());
    HttpResponse<String> page = get(ceremony.session().pageUri().toString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-src " + sandbox.origin()));
    assertThat(page.body())
        .contains(ceremony.document().hashBase64Url())
        .contains("\"signingOrigin\":\"" + sandbox.origin() + "\"")
        .contains("/sandbox/sign?lang=ru")
        .contains("<html lang=\"ru\">");
    String script = get(host.origin() + "/static/host.js").body();
    assertThat(script)
        .contains("event.origin !== config.signingOrigin")
        .contains("__bridgeReady")
        .contains("javaBridge");
    for (String body : new String[] {page.body(), script}) {
      assertThat(body)
          .doesNotContain("crypto.subtle")
          .doesNotContain("WebAssembly")
          .doesNotContain("navigator.credentials");
    }
    assertThat(get(host.origin() + "/sign/no-such-session").statusCode()).isEqualTo(404);
    assertThat(
            http.send(
                    HttpRequest.newBuilder(ceremony.session().pageUri())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(405);
    service.cancel(ceremony);
    assertThat(get(ceremony.session().pageUri().toString()).statusCode()).isEqualTo(404);
  }

  @Test
  void theSandboxPageIsLabelledAndOffersTheTestPractitioners() throws Exception {
    HttpResponse<String> page = get(sandbox.signingUrlTemplate().replace("{lang}", "ru"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("ТЕСТОВАЯ ПОДПИСЬ — не имеет юридической силы")
        .contains(f.practitioner(1).pinfl());
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors " + host.origin()));
    String script = get(sandbox.origin() + "/sandbox/static/sandbox.js").body();
    assertThat(script)
        .contains("config.hostOrigin")
        .doesNotContain("crypto.subtle")
        .doesNotContain("WebAssembly");
    assertThat(get(sandbox.signingUrlTemplate().replace("{lang}", "uz")).body())
        .contains("SINOV IMZOSI");
  }

  @Test
  void signingThroughTheSandboxEndpointProducesAVerifiedStoredDocument() throws Exception {
    TestPractitioner signer = f.practitioner(1);
    SigningCeremony ceremony = begin(signer, UiLanguage.UZ_LATN);
    ObjectNode body = mapper.createObjectNode();
    body.put("hash", ceremony.session().request().hash());
    body.put("pinfl", signer.pinfl());
    body.put("documentId", ceremony.session().request().documentId());
    HttpResponse<String> signed = postSign(body.toString(), "application/json", sandbox.origin());
    assertThat(signed.statusCode()).isEqualTo(200);
    JsonNode answer = mapper.readTree(signed.body());
    // What the sandbox page posts to the host page, relayed by the WebView bridge.
    ObjectNode message = mapper.createObjectNode();
    message.put("status", "signed");
    message.put("documentId", ceremony.session().request().documentId());
    message.set("jws", answer.get("jws"));
    message.set("x5c", answer.get("x5c"));
    CeremonyOutcome outcome = service.complete(ceremony, sandbox.origin(), message.toString());
    assertThat(outcome).isInstanceOf(CeremonyOutcome.Signed.class);
    SignedDocument document = ((CeremonyOutcome.Signed) outcome).document();
    StoredSignaturesOutcome stored = documents.verifyStored(document.bytes(), f.ca.trustAnchors());
    assertThat(stored).isInstanceOf(StoredSignaturesOutcome.Valid.class);
    // The session is over: a second answer is not accepted.
    assertThat(service.complete(ceremony, sandbox.origin(), message.toString()))
        .isEqualTo(
            new CeremonyOutcome.Rejected("signing.message.sessionClosed", java.util.List.of()));
  }

  @Test
  void answersFromAnotherOriginOrWithAnotherChainOrSignerAreRejected() throws Exception {
    TestPractitioner signer = f.practitioner(0);
    SigningCeremony ceremony = begin(signer, UiLanguage.EN);
    String cancelled = "{\"status\":\"cancelled\"}";
    assertThat(service.complete(ceremony, host.origin(), cancelled))
        .isEqualTo(
            new CeremonyOutcome.Rejected("signing.message.wrongOrigin", java.util.List.of()));

    SigningCeremony second = begin(signer, UiLanguage.EN);
    assertThat(service.complete(second, sandbox.origin(), cancelled))
        .isEqualTo(new CeremonyOutcome.Cancelled());

    // Signed by another test practitioner than the one chosen.
    SigningCeremony third = begin(signer, UiLanguage.EN);
    ObjectNode body = mapper.createObjectNode();
    body.put("hash", third.session().request().hash());
    body.put("pinfl", f.practitioner(2).pinfl());
    body.put("documentId", third.session().request().documentId());
    JsonNode answer = mapper.readTree(postSign(body.toString(), "application/json", null).body());
    ObjectNode message =
        mapper.createObjectNode().put("status", "signed").put("jws", answer.get("jws").asText());
    CeremonyOutcome outcome = service.complete(third, sandbox.origin(), message.toString());
    assertThat(outcome).isInstanceOf(CeremonyOutcome.Rejected.class);
    assertThat(((CeremonyOutcome.Rejected) outcome).reasonKey())
        .isEqualTo("signing.rejected.signerMismatch");

    // x5c beside the JWS differs from the one inside it.
    SigningCeremony fourth = begin(signer, UiLanguage.EN);
    body.put("hash", fourth.session().request().hash()).put("pinfl", signer.pinfl());
    answer = mapper.readTree(postSign(body.toString(), "application/json", null).body());
    message =
        mapper.createObjectNode().put("status", "signed").put("jws", answer.get("jws").asText());
    message.putArray("x5c").add(answer.get("x5c").get(1).asText());
    assertThat(service.complete(fourth, sandbox.origin(), message.toString()))
        .isEqualTo(
            new CeremonyOutcome.Rejected(
                "signing.rejected.certificateMismatch", java.util.List.of()));
  }

  @Test
  void badRequestsToTheSigningEndpointGet4xx() throws Exception {
    String hash = f.canonical(f.document(f.practitioner(0), "bad")).hashBase64Url();
    String pinfl = f.practitioner(0).pinfl();
    String good =
        "{\"hash\":\"" + hash + "\",\"pinfl\":\"" + pinfl + "\",\"documentId\":\"doc-1\"}";
    assertThat(postSign(good, "application/json", null).statusCode()).isEqualTo(200);
    assertThat(get(sandbox.origin() + "/sandbox/api/sign").statusCode()).isEqualTo(405);
    assertThat(postSign(good, "text/plain", null).statusCode()).isEqualTo(415);
    assertThat(postSign(good, null, null).statusCode()).isEqualTo(415);
    assertThat(postSign(good, "application/json", "http://evil.example").statusCode())
        .isEqualTo(403);
    assertThat(postSign("not json", "application/json", null).statusCode()).isEqualTo(400);
    assertThat(postSign("[]", "application/json", null).statusCode()).isEqualTo(400);
    assertThat(postSign(good.replace(hash, "abc"), "application/json", null).statusCode())
        .isEqualTo(400);
    assertThat(postSign(good.replace("doc-1", "../../etc"), "application/json", null).statusCode())
        .isEqualTo(400);
    assertThat(postSign(good.replace("}", ",\"extra\":1}"), "application/json", null).statusCode())
        .isEqualTo(400);
    assertThat(
            postSign("{\"hash\":\"" + "x".repeat(9000) + "\"}", "application/json", null)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            postSign(good.replace(pinfl, "00000000000000"), "application/json", null).statusCode())
        .isEqualTo(404);
    assertThat(get(sandbox.origin() + "/sandbox/static/nothing.js").statusCode()).isEqualTo(404);
  }

  @Test
  void aNonDocumentCannotStartACeremonyAndASignerErrorAttachesNothing() {
    CeremonyStart start =
        service.begin(
            "{\"resourceType\":\"Patient\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            new SignerRole(ROLE, "x"),
            f.practitioner(0).pinfl(),
            UiLanguage.EN);
    assertThat(start)
        .isEqualTo(new CeremonyStart.Failed("signing.canonical.notDocument", java.util.List.of()));
    SigningCeremony ceremony = begin(f.practitioner(0), UiLanguage.EN);
    assertThat(
            service.complete(
                ceremony, sandbox.origin(), "{\"status\":\"error\",\"error\":\"oneid-timeout\"}"))
        .isEqualTo(
            new CeremonyOutcome.Rejected(
                "signing.rejected.signerFailed", java.util.List.of("oneid-timeout")));
  }
}
