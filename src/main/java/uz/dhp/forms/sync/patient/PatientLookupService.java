package uz.dhp.forms.sync.patient;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.model.HumanName;
import org.hl7.fhir.r5.model.Patient;
import org.hl7.fhir.r5.model.StringType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.store.CachedPatient;
import uz.dhp.forms.store.PatientCacheRepository;
import uz.dhp.forms.sync.auth.AccessTokenSource;
import uz.dhp.forms.sync.auth.TokenOutcome;

/**
 * Query-before-create: {@code GET
 * Patient?identifier=https://dhp.uz/fhir/core/sid/pid/uz/ni|<PINFL>} with HAPI's generic client; a
 * hit is cached in the store so the same patient can be pre-filled while offline. Never logs the
 * PINFL.
 */
public final class PatientLookupService {

  public static final String PINFL_SYSTEM = "https://dhp.uz/fhir/core/sid/pid/uz/ni";
  private static final Pattern PINFL = Pattern.compile("\\d{14}");
  private static final Logger LOG = LoggerFactory.getLogger(PatientLookupService.class);

  private final FhirContext fhir;
  private final IGenericClient client;
  private final PatientCacheRepository cache;
  private final String baseUrl;

  /**
   * The FhirContext's client factory decides timeouts; the composition root sets them once, e.g.
   * {@code fhir.getRestfulClientFactory().setSocketTimeout(...)}.
   */
  public PatientLookupService(
      FhirContext fhir, String baseUrl, AccessTokenSource tokens, PatientCacheRepository cache) {
    this.fhir = fhir;
    this.cache = cache;
    this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
    fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    this.client = fhir.newRestfulGenericClient(baseUrl);
    client.registerInterceptor(new BearerInterceptor(tokens));
  }

  public PatientLookupOutcome lookup(String pinfl) {
    if (pinfl == null || !PINFL.matcher(pinfl).matches()) {
      return new PatientLookupOutcome.InvalidPinfl("sync.patient.invalidPinfl");
    }
    Bundle result;
    try {
      result =
          client
              .search()
              .forResource(Patient.class)
              .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(PINFL_SYSTEM, pinfl))
              .returnBundle(Bundle.class)
              .execute();
    } catch (BaseServerResponseException e) {
      // Includes connection failures (FhirClientConnectionException) and server errors.
      LOG.info(
          "Patient lookup failed ({}); using the offline copy if any",
          e.getClass().getSimpleName());
      return fromCache(pinfl, e.getClass().getSimpleName());
    }
    var patients =
        result.getEntry().stream()
            .filter(e -> e.getResource() instanceof Patient)
            .map(e -> (Patient) e.getResource())
            .toList();
    if (patients.isEmpty()) {
      return new PatientLookupOutcome.NotFound(pinfl);
    }
    if (patients.size() > 1) {
      return new PatientLookupOutcome.Ambiguous(pinfl, patients.size());
    }
    Patient p = patients.get(0);
    String id = p.getIdElement().getIdPart();
    cache.put(pinfl, id, baseUrl, fhir.newJsonParser().encodeResourceToString(p));
    return new PatientLookupOutcome.Found(summary(id, baseUrl, pinfl, p), false, Instant.now());
  }

  private PatientLookupOutcome fromCache(String pinfl, String detail) {
    Optional<CachedPatient> cached = cache.find(pinfl);
    if (cached.isEmpty()) {
      return new PatientLookupOutcome.Unavailable("sync.patient.offline", detail);
    }
    Patient p = fhir.newJsonParser().parseResource(Patient.class, cached.get().resourceJson());
    return new PatientLookupOutcome.Found(
        summary(cached.get().serverId(), cached.get().serverBase(), pinfl, p),
        true,
        cached.get().fetched());
  }

  static PatientSummary summary(String id, String base, String pinfl, Patient p) {
    HumanName name = p.getNameFirstRep();
    String given = String.join(" ", name.getGiven().stream().map(StringType::getValue).toList());
    return new PatientSummary(
        id,
        base,
        pinfl,
        name.hasFamily() ? name.getFamily() : "",
        given,
        p.hasBirthDate()
            ? Optional.of(p.getBirthDateElement().getValueAsString())
            : Optional.empty(),
        p.hasGender() ? Optional.of(p.getGender().toCode()) : Optional.empty());
  }

  /** Adds the bearer token; the generic client has no notion of our token sources. */
  private static final class BearerInterceptor implements IClientInterceptor {
    private final AccessTokenSource tokens;

    BearerInterceptor(AccessTokenSource tokens) {
      this.tokens = tokens;
    }

    @Override
    public void interceptRequest(IHttpRequest request) {
      if (tokens.currentToken() instanceof TokenOutcome.Token t) {
        request.addHeader("Authorization", "Bearer " + t.value());
      }
    }

    @Override
    public void interceptResponse(IHttpResponse response) {
      // 401 handling for searches: the next lookup asks the token source again.
    }
  }
}
