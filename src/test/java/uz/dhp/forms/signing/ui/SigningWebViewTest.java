package uz.dhp.forms.signing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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
import uz.dhp.forms.signing.StoredSignaturesOutcome;
import uz.dhp.forms.signing.sandbox.SandboxSignerServer;
import uz.dhp.forms.signing.sandbox.TestCertificateAuthority;
import uz.dhp.forms.signing.sandbox.TestPractitioner;
import uz.dhp.forms.support.IdGenerator;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.Shown;
import uz.dhp.forms.ui.TaskRunner;

/**
 * End to end through the real WebView: our host page frames the sandbox signing page (another
 * origin), the practitioner presses "Sign" with the keyboard, the JWS comes back over postMessage
 * and the bridge, is verified, and becomes a Provenance; the stored bytes verify on their own.
 */
@ExtendWith(ApplicationExtension.class)
class SigningWebViewTest {

  private static final Path SHARED = Path.of(System.getProperty("dhp.shared.dir", "../shared"));
  private static final Path EXAMPLE = SHARED.resolve("dhp-examples/form-003-example.json");

  /** In the example, Practitioner 00300008 (PINFL 12345678900011) acts in PractitionerRole 11. */
  private static final String EXAMPLE_PINFL = "12345678900011";

  private static final String ROLE = "urn:uuid:00300011-0000-0000-0000-000000000000";

  @TempDir Path temp;
  private final Clock clock = Clock.systemUTC();
  private final FhirContext fhir = FhirContext.forR5Cached();
  private TestCertificateAuthority ca;
  private LoopbackServer host;
  private SandboxSignerServer sandbox;
  private TaskRunner tasks;
  private SigningView view;
  private SignedDocumentService documents;

  @Start
  void start(Stage stage) throws Exception {
    ca = TestCertificateAuthority.create(clock, TestCertificateAuthority.DEFAULT_PRACTITIONERS);
    host = LoopbackServer.start("signing-host");
    sandbox = SandboxSignerServer.start(ca, clock, host.origin());
    DocumentCanonicalizer canonicalizer = new DocumentCanonicalizer(fhir);
    SignatureVerifier verifier = new SignatureVerifier(clock);
    documents = new SignedDocumentService(fhir, canonicalizer, verifier, IdGenerator.random());
    SigningService service =
        new SigningService(
            canonicalizer,
            verifier,
            documents,
            new IframeSigningAdapter(
                host, sandbox.signingUrlTemplate(), clock, IdGenerator.random()),
            ca.trustAnchors(),
            Optional.empty());
    tasks = TaskRunner.background();
    view = new SigningView(service, tasks, new I18n(UiLanguage.EN));
    stage.setScene(new Scene(view.root(), 900, 700));
    stage.show();
  }

  @AfterEach
  void stop() {
    tasks.close();
    sandbox.close();
    host.close();
  }

  @Test
  void signsAForm003DocumentThroughTheSandboxPage(FxRobot robot) throws Exception {
    Assumptions.assumeTrue(
        Files.isRegularFile(EXAMPLE), "DHP example not found at " + EXAMPLE + ": skipped");
    TestPractitioner doctor = ca.practitioners().get(0);
    byte[] bundle =
        Files.readString(EXAMPLE, StandardCharsets.UTF_8)
            .replace(EXAMPLE_PINFL, doctor.pinfl())
            .getBytes(StandardCharsets.UTF_8);
    AtomicReference<CeremonyOutcome> outcome = new AtomicReference<>();
    robot.interact(
        () ->
            view.sign(
                bundle,
                new SignerRole(ROLE, doctor.displayName()),
                doctor.pinfl(),
                o -> outcome.compareAndSet(null, o)));

    pressSignWithKeyboard(robot, outcome);

    assertThat(outcome.get()).isInstanceOf(CeremonyOutcome.Signed.class);
    CeremonyOutcome.Signed signed = (CeremonyOutcome.Signed) outcome.get();
    assertThat(signed.signature().signer().pinfl()).contains(doctor.pinfl());

    // Kept as bytes, read back, verified from the bytes alone.
    Path stored = temp.resolve("signed.json");
    Files.write(stored, signed.document().bytes());
    StoredSignaturesOutcome check =
        documents.verifyStored(Files.readAllBytes(stored), ca.trustAnchors());
    assertThat(check).isInstanceOf(StoredSignaturesOutcome.Valid.class);
    assertThat(new String(Files.readAllBytes(stored), StandardCharsets.UTF_8))
        .contains("\"resourceType\":\"Provenance\"")
        .contains("application/jose");
    // The browser is gone and nothing of the session is left behind.
    assertThat(robot.lookup("#signingWeb").tryQuery()).isEmpty();
    assertThat(view.isActive()).isFalse();

    // The same bytes with one changed character no longer verify.
    byte[] tampered =
        new String(signed.document().bytes(), StandardCharsets.UTF_8)
            .replaceFirst(doctor.pinfl(), "12345678901234")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(documents.verifyStored(tampered, ca.trustAnchors()))
        .isInstanceOf(StoredSignaturesOutcome.Invalid.class);
  }

  @Test
  void cancellingLeavesTheDocumentUnsigned(FxRobot robot) throws Exception {
    TestPractitioner doctor = ca.practitioners().get(0);
    byte[] bundle = minimalDocument(doctor.pinfl());
    AtomicReference<CeremonyOutcome> outcome = new AtomicReference<>();
    robot.interact(
        () ->
            view.sign(
                bundle,
                new SignerRole("urn:uuid:00000000-0000-0000-0000-0000000000a2", "Dr Test"),
                doctor.pinfl(),
                outcome::set));
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> robot.lookup("#signingWeb").tryQuery().isPresent());
    Shown.click(robot, "#signingCancel");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outcome.get() != null);
    assertThat(outcome.get()).isInstanceOf(CeremonyOutcome.Cancelled.class);
    assertThat(robot.lookup("#signingWeb").tryQuery()).isEmpty();
  }

  /**
   * Like a keyboard user: click into the signing page's top banner, Tab to the practitioner list,
   * Tab to "Sign", press Space. "Sign" is enabled only once the page has the request, which can
   * take a while on a busy machine: a press on the still disabled button does nothing, so press
   * again (the page disables the button once pressed, so a repeat cannot sign twice).
   */
  private static void pressSignWithKeyboard(FxRobot robot, AtomicReference<CeremonyOutcome> outcome)
      throws Exception {
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> robot.lookup("#signingWeb").tryQuery().isPresent());
    WebView web = robot.lookup("#signingWeb").query();
    var bounds = robot.bounds(web).query();
    for (int attempt = 0; attempt < 6 && outcome.get() == null; attempt++) {
      Thread.sleep(1500);
      if (outcome.get() != null || robot.lookup("#signingWeb").tryQuery().isEmpty()) {
        break;
      }
      robot.clickOn(bounds.getMinX() + bounds.getWidth() / 2, bounds.getMinY() + 30);
      robot.type(KeyCode.TAB).type(KeyCode.TAB).type(KeyCode.SPACE);
      try {
        WaitForAsyncUtils.waitFor(6, TimeUnit.SECONDS, () -> outcome.get() != null);
      } catch (java.util.concurrent.TimeoutException notYet) {
        // the button was not enabled yet: press again
      }
    }
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> outcome.get() != null);
  }

  static byte[] minimalDocument(String pinfl) {
    String json =
        """
        {"resourceType":"Bundle","id":"b1","type":"document",
         "identifier":{"system":"urn:ietf:rfc:3986","value":"urn:uuid:00000000-0000-0000-0000-0000000000b1"},
         "timestamp":"2026-11-26T09:00:00Z",
         "entry":[
          {"fullUrl":"urn:uuid:00000000-0000-0000-0000-0000000000c1","resource":{"resourceType":"Composition",
            "status":"final","type":{"text":"test"},"date":"2026-11-26T09:00:00Z",
            "author":[{"reference":"urn:uuid:00000000-0000-0000-0000-0000000000a2"}],"title":"Test"}},
          {"fullUrl":"urn:uuid:00000000-0000-0000-0000-0000000000a1","resource":{"resourceType":"Practitioner",
            "identifier":[{"system":"https://dhp.uz/fhir/core/sid/pid/uz/ni","value":"%s"}]}},
          {"fullUrl":"urn:uuid:00000000-0000-0000-0000-0000000000a2","resource":{"resourceType":"PractitionerRole",
            "practitioner":{"reference":"urn:uuid:00000000-0000-0000-0000-0000000000a1"}}}]}
        """
            .formatted(pinfl);
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
