package uz.dhp.forms.sync.auth;

import java.net.URI;

/**
 * Opens a URL in the system browser (RFC 8252: never an embedded web view for login). The app
 * passes JavaFX's {@code HostServices::showDocument}; tests pass a tiny HTTP client.
 */
@FunctionalInterface
public interface BrowserLauncher {
  void open(URI url);
}
