package uz.dhp.forms.signing.ui;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import netscape.javascript.JSObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.signing.CeremonyOutcome;
import uz.dhp.forms.signing.CeremonyStart;
import uz.dhp.forms.signing.SignerRole;
import uz.dhp.forms.signing.SigningCeremony;
import uz.dhp.forms.signing.SigningService;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.TaskRunner;

/**
 * The signing screen: an embedded browser that shows our host page, which frames the signing page
 * (DHP's, or the sandbox) and relays its answer to Java. The only user of {@code javafx.scene.web}.
 * One ceremony at a time; each gets a fresh WebView and a fresh, afterwards deleted, storage
 * folder, and the cookie jar is emptied when it ends (shared PC).
 *
 * <p>Guards: the main frame may only show the host page's origin; pop-up windows are refused;
 * {@code file:}, {@code javascript:} and other origins are blocked; the Java bridge is installed
 * only while the main frame is on the host origin, and the host page forwards only messages whose
 * {@code event.origin} is the signing origin (checked again in Java by {@link
 * SigningService#complete}).
 */
public final class SigningView {

  private static final Logger LOG = LoggerFactory.getLogger(SigningView.class);

  private final SigningService service;
  private final TaskRunner tasks;
  private final I18n i18n;
  private final BorderPane root = new BorderPane();
  private final Label status = new Label();
  private final ProgressIndicator busy = new ProgressIndicator();

  // WebView holds only a weak reference to objects given to JavaScript: keep the bridge here.
  private Bridge bridge;
  private WebView webView;
  private SigningCeremony ceremony;
  private Path storageDir;
  private Consumer<CeremonyOutcome> onDone;
  private int blockedNavigations;

  public SigningView(SigningService service, TaskRunner tasks, I18n i18n) {
    this.service = service;
    this.tasks = tasks;
    this.i18n = i18n;
    root.setId("signingView");
    Button cancel = new Button();
    cancel.setId("signingCancel");
    cancel.textProperty().bind(i18n.text("signing.ui.cancel"));
    cancel.setOnAction(e -> cancel());
    status.setId("signingStatus");
    status.setWrapText(true);
    busy.setPrefSize(18, 18);
    HBox bar = new HBox(12, busy, status, cancel);
    bar.setPadding(new Insets(8));
    HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
    status.setMaxWidth(Double.MAX_VALUE);
    root.setBottom(bar);
  }

  public Region root() {
    return root;
  }

  /** True while a ceremony runs. */
  public boolean isActive() {
    return ceremony != null;
  }

  /** How many main-frame navigations away from the host page were blocked (for tests and logs). */
  public int blockedNavigations() {
    return blockedNavigations;
  }

  /**
   * Starts signing {@code bundleBytes}. {@code done} runs on the FX thread exactly once with the
   * outcome (signed, cancelled or rejected with a reason); nothing is kept unless it is {@code
   * Signed}.
   */
  public void sign(
      byte[] bundleBytes, SignerRole signer, String signerPinfl, Consumer<CeremonyOutcome> done) {
    if (isActive()) {
      throw new IllegalStateException("a signing ceremony is already running");
    }
    onDone = done;
    showStatus("signing.ui.preparing");
    busy.setVisible(true);
    tasks.run(
        () -> service.begin(bundleBytes, signer, signerPinfl, i18n.language()),
        this::started,
        error -> finish(new CeremonyOutcome.Rejected("signing.ui.failed", java.util.List.of())));
  }

  private void started(CeremonyStart start) {
    if (start instanceof CeremonyStart.Failed f) {
      finish(new CeremonyOutcome.Rejected(f.reasonKey(), f.args()));
      return;
    }
    ceremony = ((CeremonyStart.Started) start).ceremony();
    try {
      storageDir = Files.createTempDirectory("dhp-signing-");
    } catch (IOException e) {
      LOG.warn("No temporary folder for the signing browser", e);
      service.cancel(ceremony);
      finish(new CeremonyOutcome.Rejected("signing.ui.failed", java.util.List.of()));
      return;
    }
    CookieHandler.setDefault(new CookieManager());
    webView = new WebView();
    webView.setId("signingWeb");
    webView.accessibleTextProperty().bind(i18n.text("signing.ui.title"));
    WebEngine engine = webView.getEngine();
    engine.setUserDataDirectory(storageDir.toFile());
    engine.setJavaScriptEnabled(true);
    engine.setCreatePopupHandler(features -> null); // no new windows, ever
    URI page = ceremony.session().pageUri();
    String hostOrigin = origin(page);
    engine
        .locationProperty()
        .addListener((obs, old, now) -> guardLocation(engine, now, hostOrigin));
    engine
        .getLoadWorker()
        .stateProperty()
        .addListener(
            (obs, old, state) -> {
              if (state == Worker.State.SUCCEEDED
                  && hostOrigin.equals(origin(URI.create(engine.getLocation())))) {
                installBridge(engine);
              }
            });
    root.setCenter(webView);
    showStatus("signing.ui.waiting");
    busy.setVisible(false);
    engine.load(page.toString());
  }

  private void guardLocation(WebEngine engine, String location, String hostOrigin) {
    if (location == null || location.isEmpty() || "about:blank".equals(location)) {
      return;
    }
    String origin;
    try {
      origin = origin(URI.create(location));
    } catch (IllegalArgumentException e) {
      origin = "invalid";
    }
    if (!hostOrigin.equals(origin)) {
      // Fail closed: a signing page that tries to take over the window is not one to sign with.
      blockedNavigations++;
      LOG.warn("Blocked navigation of the signing window to another origin; signing stopped");
      javafx.application.Platform.runLater(
          () -> {
            engine.getLoadWorker().cancel();
            if (webView != null && webView.getEngine() == engine && ceremony != null) {
              SigningCeremony running = ceremony;
              tasks.run(
                  () -> {
                    service.cancel(running);
                    return running;
                  },
                  r -> {},
                  e -> LOG.warn("Cancelling the signing session failed", e));
              finish(
                  new CeremonyOutcome.Rejected(
                      "signing.ui.navigationBlocked", java.util.List.of()));
            }
          });
    }
  }

  private void installBridge(WebEngine engine) {
    bridge = new Bridge();
    JSObject window = (JSObject) engine.executeScript("window");
    window.setMember("javaBridge", bridge);
    engine.executeScript("if (window.__bridgeReady) { window.__bridgeReady(); }");
  }

  private void received(String origin, String data) {
    SigningCeremony running = ceremony;
    if (running == null) {
      return;
    }
    showStatus("signing.ui.verifying");
    busy.setVisible(true);
    tasks.run(
        () -> service.complete(running, origin, data),
        this::finish,
        error -> finish(new CeremonyOutcome.Rejected("signing.ui.failed", java.util.List.of())));
  }

  /** Cancels a running ceremony (or does nothing). */
  public void cancel() {
    if (ceremony != null) {
      SigningCeremony running = ceremony;
      tasks.run(
          () -> {
            service.cancel(running);
            return running;
          },
          r -> {},
          e -> LOG.warn("Cancelling the signing session failed", e));
      finish(new CeremonyOutcome.Cancelled());
    }
  }

  private void finish(CeremonyOutcome outcome) {
    ceremony = null;
    bridge = null;
    busy.setVisible(false);
    if (webView != null) {
      webView.getEngine().load("about:blank");
      root.setCenter(null);
      webView = null;
    }
    CookieHandler.setDefault(new CookieManager());
    deleteStorage();
    showStatus(
        outcome instanceof CeremonyOutcome.Signed
            ? "signing.ui.signed"
            : outcome instanceof CeremonyOutcome.Cancelled ? "signing.ui.cancelled" : null,
        outcome);
    Consumer<CeremonyOutcome> callback = onDone;
    onDone = null;
    if (callback != null) {
      callback.accept(outcome);
    }
  }

  private void showStatus(String key) {
    status.textProperty().bind(i18n.text(key));
  }

  private void showStatus(String key, CeremonyOutcome outcome) {
    if (key != null) {
      showStatus(key);
    } else {
      CeremonyOutcome.Rejected r = (CeremonyOutcome.Rejected) outcome;
      status.textProperty().bind(i18n.text(r.reasonKey(), r.args().toArray()));
    }
  }

  private void deleteStorage() {
    Path dir = storageDir;
    storageDir = null;
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete the signing browser's storage folder", e);
    }
  }

  static String origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!Set.of("http", "https").contains(scheme) || uri.getHost() == null) {
      return scheme + ":";
    }
    int port = uri.getPort();
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port);
  }

  /** Called from the host page's JavaScript; must be public for WebView. */
  public final class Bridge {
    public void onResult(String origin, String data) {
      received(origin, data);
    }
  }
}
