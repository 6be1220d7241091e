package uz.dhp.forms.signing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.signing.CeremonyOutcome;
import uz.dhp.forms.signing.DocumentCanonicalizer;
import uz.dhp.forms.signing.IframeSigningAdapter;
import uz.dhp.forms.signing.LoopbackServer;
import uz.dhp.forms.signing.SignatureVerifier;
import uz.dhp.forms.signing.SignedDocumentService;
import uz.dhp.forms.signing.SignerRole;
import uz.dhp.forms.signing.SigningService;
import uz.dhp.forms.signing.sandbox.TestCertificateAuthority;
import uz.dhp.forms.support.IdGenerator;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.TaskRunner;

/**
 * A signing page that attacks its host: it tries to call the Java bridge directly, open a window,
 * navigate the app's browser away, and have a third-origin frame post a forged "signed" answer.
 * None of it works; only its own (bogus) answer arrives, through the origin-checked route, and is
 * rejected.
 */
@ExtendWith(ApplicationExtension.class)
class HostileSigningPageTest {

  private final Clock clock = Clock.systemUTC();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer hostile;
  private HttpServer third;
  private LoopbackServer host;
  private TaskRunner tasks;
  private SigningView view;
  private Stage stage;
  private String hostileBase;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    host = LoopbackServer.start("signing-host");
    third = server();
    hostile = server();
    String thirdOrigin = "http://localhost:" + third.getAddress().getPort();
    hostileBase = "http://127.0.0.1:" + hostile.getAddress().getPort();
    third.createContext(
        "/",
        ex -> {
          requests.add("third " + ex.getRequestURI());
          respond(
              ex,
              "<script>window.top.postMessage(JSON.stringify({status:'cancelled'}),'*');"
                  + "window.parent.postMessage({status:'cancelled'},'*');</script>");
        });
    hostile.createContext(
        "/",
        ex -> {
          requests.add("hostile " + ex.getRequestURI());
          if (ex.getRequestURI().getPath().startsWith("/sign-")) {
            String mode = ex.getRequestURI().getPath().substring("/sign-".length());
            respond(ex, hostilePage(mode, thirdOrigin, hostileBase));
          } else {
            respond(ex, "<p>evil</p>");
          }
        });
    tasks = TaskRunner.background();
    stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 800, 600));
    stage.show();
  }

  /** A signing view whose signing page is the hostile page in the given mode. */
  private void useHostilePage(FxRobot robot, String mode) {
    DocumentCanonicalizer canonicalizer = new DocumentCanonicalizer(FhirContext.forR5Cached());
    SignatureVerifier verifier = new SignatureVerifier(clock);
    TestCertificateAuthority ca = TestCertificateAuthority.create(clock, List.of());
    SigningService service =
        new SigningService(
            canonicalizer,
            verifier,
            new SignedDocumentService(
                FhirContext.forR5Cached(), canonicalizer, verifier, IdGenerator.random()),
            new IframeSigningAdapter(
                host, hostileBase + "/sign-" + mode + "?lang={lang}", clock, IdGenerator.random()),
            ca.trustAnchors(),
            Optional.empty());
    view = new SigningView(service, tasks, new I18n(UiLanguage.EN));
    robot.interact(() -> stage.getScene().setRoot(view.root()));
  }

  @AfterEach
  void stop() {
    tasks.close();
    hostile.stop(0);
    third.stop(0);
    host.close();
  }

  @Test
  void forgedAnswersFromTheBridgeOrAThirdOriginNeverArrive(FxRobot robot) throws Exception {
    useHostilePage(robot, "forge");
    AtomicReference<CeremonyOutcome> outcome = new AtomicReference<>();
    startSigning(robot, outcome);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outcome.get() != null);
    // The direct bridge call and the third-origin frame both said "cancelled"; had either reached
    // Java, the outcome would be Cancelled. Only the page's own bogus "signed" answer (sent last,
    // from the signing origin) got through, and it was rejected.
    assertThat(requests).anyMatch(r -> r.startsWith("third /"));
    assertThat(outcome.get()).isInstanceOf(CeremonyOutcome.Rejected.class);
  }

  @Test
  void aPageThatTriesToLeaveOrOpenWindowsIsStopped(FxRobot robot) throws Exception {
    useHostilePage(robot, "escape");
    int windowsBefore = Window.getWindows().size();
    AtomicReference<CeremonyOutcome> outcome = new AtomicReference<>();
    startSigning(robot, outcome);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outcome.get() != null);
    assertThat(outcome.get())
        .isEqualTo(new CeremonyOutcome.Rejected("signing.ui.navigationBlocked", List.of()));
    assertThat(view.blockedNavigations()).isGreaterThan(0);
    assertThat(view.isActive()).isFalse();
    assertThat(Window.getWindows()).hasSize(windowsBefore);
    assertThat(requests).noneMatch(r -> r.contains("/popup"));
  }

  @Test
  void fileAndForeignUrlsAreNotShown(FxRobot robot) throws Exception {
    useHostilePage(robot, "quiet");
    AtomicReference<CeremonyOutcome> outcome = new AtomicReference<>();
    startSigning(robot, outcome);
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> robot.lookup("#signingWeb").tryQuery().isPresent());
    WebView web = robot.lookup("#signingWeb").query();
    robot.interact(() -> web.getEngine().load("file:///etc/passwd"));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outcome.get() != null);
    assertThat(outcome.get())
        .isEqualTo(new CeremonyOutcome.Rejected("signing.ui.navigationBlocked", List.of()));
    assertThat(robot.lookup("#signingWeb").tryQuery()).isEmpty();
  }

  private void startSigning(FxRobot robot, AtomicReference<CeremonyOutcome> outcome) {
    robot.interact(
        () ->
            view.sign(
                SigningWebViewTest.minimalDocument("12345678901234"),
                new SignerRole("urn:uuid:00000000-0000-0000-0000-0000000000a2", "Dr Test"),
                "12345678901234",
                outcome::set));
  }

  private static String hostilePage(String mode, String thirdOrigin, String self) {
    String cancelled = "'{\"status\":\"cancelled\"}'";
    String script;
    if (mode.equals("forge")) {
      script =
          """
          try { window.top.javaBridge.onResult('%1$s', %2$s); } catch (e) { }
          try { window.parent.javaBridge.onResult('%1$s', %2$s); } catch (e) { }
          setTimeout(function () {
            window.parent.postMessage({status: 'signed', jws: 'not.a.jws'}, '*');
          }, 2500);
          """
              .formatted(self, cancelled);
    } else if (mode.equals("escape")) {
      script =
          """
          try { window.open('%1$s/popup'); } catch (e) { }
          setTimeout(function () { window.top.location = '%1$s/evil'; }, 300);
          """
              .formatted(self);
    } else {
      script = "";
    }
    return "<!DOCTYPE html><html><body><p>hostile</p>"
        + (mode.equals("forge") ? "<iframe src=\"" + thirdOrigin + "/third\"></iframe>" : "")
        + "<script>"
        + script
        + "</script></body></html>";
  }

  private static HttpServer server() throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.start();
    return s;
  }

  private static void respond(com.sun.net.httpserver.HttpExchange ex, String html)
      throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
