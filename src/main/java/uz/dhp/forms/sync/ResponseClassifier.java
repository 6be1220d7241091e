package uz.dhp.forms.sync;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Maps the server's answer to a POST to what the outbox does (anchors-reliability §2.3): 2xx sent;
 * 400/403/404/409/412/422 and other 4xx refused with the OperationOutcome; 401 (after the repeat
 * with a fresh token), 408, 429 and 5xx retried, honouring {@code Retry-After}.
 */
final class ResponseClassifier {

  private ResponseClassifier() {}

  static DeliveryOutcome classify(FhirContext fhir, HttpResponse<byte[]> response, URI base) {
    int status = response.statusCode();
    String body = new String(response.body(), StandardCharsets.UTF_8);
    if (status >= 200 && status < 300) {
      Optional<String> location =
          response
              .headers()
              .firstValue("Location")
              .or(() -> response.headers().firstValue("Content-Location"));
      String id = location.map(ResponseClassifier::idFromLocation).orElse("");
      if (id.isEmpty()) {
        id = idFromBody(fhir, body);
      }
      if (id.isEmpty()) {
        // A 2xx without any id: the server took the request, but we cannot show where it went.
        return new DeliveryOutcome.Retry(
            SyncMessage.of("sync.retry.noId"), "2xx without id", status, Optional.empty(), false);
      }
      return new DeliveryOutcome.Delivered(
          id, location.orElse("Bundle/" + id), status, status == 201);
    }
    if (status == 401 || status == 408 || status == 429 || status >= 500) {
      // 401 here means the repeat with a fresh token was refused too: nothing is wrong with the
      // document, so it waits (never dropped) until the login works again.
      String key =
          switch (status) {
            case 401 -> "sync.retry.unauthorized";
            case 408 -> "sync.retry.timeout";
            case 429, 503 -> "sync.retry.busy";
            default -> "sync.retry.serverError";
          };
      return new DeliveryOutcome.Retry(
          SyncMessage.of(key, status),
          "HTTP " + status,
          status,
          retryAfter(response.headers().firstValue("Retry-After"), java.time.Clock.systemUTC()),
          false);
    }
    ServerOutcome outcome = ServerOutcome.parse(fhir, body);
    String key =
        switch (status) {
          case 400 -> "sync.rejected.badRequest";
          case 403 -> "sync.rejected.forbidden";
          case 404 -> "sync.rejected.notFound";
          case 409 -> "sync.rejected.conflict";
          case 412 -> "sync.rejected.preconditionFailed";
          case 422 -> "sync.rejected.unprocessable";
          default -> "sync.rejected.other";
        };
    return new DeliveryOutcome.Rejected(
        status,
        SyncMessage.of(key, status, outcome.errors().size()),
        outcome,
        "HTTP " + status + " " + outcome.codes());
  }

  /** {@code Retry-After}: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
  static Optional<Duration> retryAfter(Optional<String> header, java.time.Clock clock) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String v = header.get().trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }

  /** {@code [base]/Bundle/123/_history/1} → {@code 123}. */
  static String idFromLocation(String location) {
    String path = URI.create(location).getPath();
    if (path == null) {
      return "";
    }
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].equals("Bundle")) {
        return parts[i + 1];
      }
    }
    return "";
  }

  private static String idFromBody(FhirContext fhir, String body) {
    if (body.isBlank()) {
      return "";
    }
    try {
      var r = fhir.newJsonParser().parseResource(body);
      return r.getIdElement().getIdPart() == null ? "" : r.getIdElement().getIdPart();
    } catch (RuntimeException e) {
      return "";
    }
  }
}
