package uz.dhp.forms.signing;

import java.net.URI;
import java.time.Instant;

/**
 * One signing ceremony of one document in the WebView (or browser).
 *
 * @param id unguessable session id
 * @param pageUri what the WebView loads: our host page, which embeds the signing page
 * @param signingOrigin the only origin whose messages are accepted ({@code scheme://host[:port]})
 * @param request what the host page sends to the signing page
 * @param started when the session began; older signing times are rejected as replays
 */
public record SigningSession(
    String id, URI pageUri, String signingOrigin, SigningRequest request, Instant started) {}
