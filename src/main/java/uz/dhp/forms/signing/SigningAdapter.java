package uz.dhp.forms.signing;

/**
 * The signing transport. DHP has not published its signing iframe protocol (dhp-spec §10.1 Q1), so
 * the app talks to "a signing page" through this interface; {@link IframeSigningAdapter} implements
 * our documented default (docs/signing-protocol.md). The UI only loads {@link
 * SigningSession#pageUri()} and hands every message it relays to {@link #receive}.
 *
 * <p>A second transport (system browser + loopback callback, for signing pages that need what
 * WebView lacks: WebCrypto, WebAuthn, WASM) fits the same interface: {@code start} returns the URL
 * to open in the browser, and the loopback callback handler calls {@code receive} with the
 * callback's origin and body. See docs/signing-protocol.md §6.
 */
public interface SigningAdapter {

  /** Prepares the pages for one ceremony and returns where to load them. */
  SigningSession start(SigningRequest request);

  /**
   * Validates one message relayed from the page: origin, structure, and that it answers this
   * session's request. Never throws for bad input; a bad message is {@link
   * SigningResponse.Malformed}.
   */
  SigningResponse receive(SigningSession session, String origin, String data);

  /** Ends the session: its page is no longer served. Idempotent. */
  void finish(SigningSession session);
}
