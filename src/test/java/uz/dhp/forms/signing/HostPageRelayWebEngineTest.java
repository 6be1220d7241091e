package uz.dhp.forms.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import netscape.javascript.JSObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.dhp.forms.support.IdGenerator;

/**
 * Runs the real host page (host.html + host.js) in a headless JavaFX WebEngine against scripted
 * signing pages on other loopback origins: the request reaches the signing page, its answer is
 * relayed to the Java bridge only after {@code __bridgeReady()}, "ready" is not relayed, and a
 * message from a third origin is dropped. (The dialog itself is signing.ui's; this only checks the
 * page script of this package.)
 */
class HostPageRelayWebEngineTest {

  /** The Java object the page calls; public so WebKit can reach it. */
  public static final class Bridge {
    final List<String[]> calls = new CopyOnWriteArrayList<>();

    public void onResult(String origin, String data) {
      calls.add(new String[] {origin, data});
    }
  }

  private static final String SIGNER_PAGE =
      "<!DOCTYPE html><html><body><iframe id='evil' src='{{evil}}'></iframe><script>"
          + "window.addEventListener('message', function (e) {"
          + "  if (e.origin !== '{{host}}') { return; }"
          + "  window.parent.postMessage({status:'ready'}, e.origin);"
          + "  window.parent.postMessage({status:'signed', documentId: e.data.documentId,"
          + "    jws: 'echo:' + e.data.hash + ':' + e.data.signerHint + ':' + e.data.lang}, e.origin);"
          + "});</script></body></html>";

  private static final String EVIL_PAGE =
      "<!DOCTYPE html><html><body><script>"
          + "setInterval(function () { window.top.postMessage({status:'signed', jws:'forged'}, '*'); }, 50);"
          + "</script></body></html>";

  private final ObjectMapper mapper = new ObjectMapper();
  private LoopbackServer host;
  private LoopbackServer signer;
  private LoopbackServer evil;
  private final Bridge bridge = new Bridge();
  private WebEngine engine;

  @BeforeAll
  static void startFx() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    try {
      Platform.startup(started::countDown);
    } catch (IllegalStateException alreadyRunning) {
      started.countDown();
    }
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
  }

  @BeforeEach
  void startServers() throws Exception {
    host = LoopbackServer.start("relay-host");
    signer = LoopbackServer.start("relay-signer");
    evil = LoopbackServer.start("relay-evil");
    String page =
        SIGNER_PAGE.replace("{{host}}", host.origin()).replace("{{evil}}", evil.origin() + "/evil");
    signer.route(
        "/sign",
        ex ->
            LoopbackServer.send(
                ex, 200, "text/html", page.getBytes(StandardCharsets.UTF_8), Map.of()));
    evil.route(
        "/evil",
        ex ->
            LoopbackServer.send(
                ex, 200, "text/html", EVIL_PAGE.getBytes(StandardCharsets.UTF_8), Map.of()));
  }

  @AfterEach
  void stopServers() {
    host.close();
    signer.close();
    evil.close();
  }

  @Test
  void theAnswerOfTheSigningOriginIsRelayedAfterBridgeReadyAndNothingElse() throws Exception {
    IframeSigningAdapter adapter =
        new IframeSigningAdapter(
            host,
            signer.origin() + "/sign?lang={lang}",
            SigningFixture.CLOCK,
            IdGenerator.sequential("relay"));
    SigningRequest request =
        new SigningRequest("doc-7", "A".repeat(43), "S256", "31204901234562", "uz-Cyrl");
    SigningSession session = adapter.start(request);

    CountDownLatch loaded = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          engine = new WebEngine();
          engine
              .getLoadWorker()
              .stateProperty()
              .addListener(
                  (obs, old, state) -> {
                    if (state == Worker.State.SUCCEEDED) {
                      loaded.countDown();
                    }
                  });
          engine.load(session.pageUri().toString());
        });
    assertThat(loaded.await(30, TimeUnit.SECONDS)).as("host page loaded").isTrue();
    // Let the signing page answer before the bridge exists: the host page must queue it.
    Thread.sleep(1500);
    assertThat(bridge.calls).isEmpty();
    CountDownLatch ready = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          JSObject window = (JSObject) engine.executeScript("window");
          window.setMember("javaBridge", bridge);
          engine.executeScript("window.__bridgeReady()");
          ready.countDown();
        });
    assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(1000);

    assertThat(bridge.calls).isNotEmpty();
    for (String[] call : bridge.calls) {
      assertThat(call[0]).isEqualTo(signer.origin());
      JsonNode message = mapper.readTree(call[1]);
      assertThat(message.get("status").asText()).isEqualTo("signed");
      assertThat(message.get("jws").asText())
          .isEqualTo("echo:" + "A".repeat(43) + ":31204901234562:uz-Cyrl");
      assertThat(adapter.receive(session, call[0], call[1]))
          .isInstanceOf(SigningResponse.Signed.class);
    }
  }
}
