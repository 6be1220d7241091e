package uz.dhp.forms.document.extract;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.model.QuestionnaireResponse;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.i18n.Messages;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.support.IdGenerator;

/**
 * QuestionnaireResponse + form files + clinic master data → FHIR R5 document Bundle (dhp-spec
 * §2–§4). Deterministic for a given {@link Clock} and {@link IdGenerator}. Pure: no I/O, no UI;
 * safe to call from a background thread (one instance may serve several threads).
 */
public final class DocumentExtractor {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FhirContext fhir;
  private final Clock clock;
  private final IdGenerator ids;

  public DocumentExtractor(FhirContext fhir, Clock clock, IdGenerator ids) {
    this.fhir = fhir;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * What to extract.
   *
   * @param form questionnaire + extraction mapping
   * @param response the filled form, as QuestionnaireResponse JSON
   * @param master clinic master data
   * @param signerKey master-data key of the practitioner finalizing (attester; author fallback)
   * @param compositionInstanceId the stable Composition UUID of an earlier version, or empty for a
   *     new document
   * @param narrativeLanguage language of the generated narrative ("uz", "ru", "en"; dhp-spec Q8)
   */
  /**
   * @param fixedIds identities to use for the resources of single-instance rules instead of new
   *     ones, by rule id: e.g. {@code patient} → the patient's id from the local patient index, so
   *     every document of one patient carries the same Patient identity, or the patient's absolute
   *     URL on the server when the server knows the patient ({@link EntryIdentity.OnServer}); every
   *     reference to the resource uses the same fullUrl
   */
  public record Request(
      FormFiles form,
      JsonNode response,
      ClinicMasterData master,
      String signerKey,
      Optional<String> compositionInstanceId,
      String narrativeLanguage,
      Map<String, EntryIdentity> fixedIds) {

    public Request {
      fixedIds = Map.copyOf(fixedIds);
    }

    public Request(
        FormFiles form,
        JsonNode response,
        ClinicMasterData master,
        String signerKey,
        Optional<String> compositionInstanceId,
        String narrativeLanguage) {
      this(form, response, master, signerKey, compositionInstanceId, narrativeLanguage, Map.of());
    }
  }

  /** Same as {@link #extract(Request)} for a HAPI QuestionnaireResponse. */
  public ExtractedDocument extract(
      FormFiles form,
      QuestionnaireResponse response,
      ClinicMasterData master,
      String signerKey,
      Optional<String> compositionInstanceId,
      String narrativeLanguage) {
    try {
      JsonNode qr = JSON.readTree(fhir.newJsonParser().encodeResourceToString(response));
      return extract(
          new Request(form, qr, master, signerKey, compositionInstanceId, narrativeLanguage));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("HAPI produced unreadable JSON", e);
    }
  }

  public ExtractedDocument extract(Request request) {
    String now =
        OffsetDateTime.now(clock)
            .truncatedTo(ChronoUnit.SECONDS)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    String lang = request.narrativeLanguage();
    Messages messages = new Messages(UiLanguage.fromTag(lang).orElse(UiLanguage.UZ_LATN));
    NarrativeRenderer narrative =
        new NarrativeRenderer(request.form().questionnaire(), request.master(), messages, lang);
    Assembly a =
        new Assembly(
            request.form(),
            request.response(),
            request.master(),
            ids,
            now,
            narrative,
            request.fixedIds());
    String bundleId = ids.newId();
    String bundleIdentifier = "urn:uuid:" + ids.newId();
    String compositionUrl = a.url();
    String instance = request.compositionInstanceId().orElseGet(ids::newId);
    a.plan();
    a.expand();
    CompositionBuilder cb = new CompositionBuilder(a);
    ObjectNode composition = cb.build(compositionUrl, instance, request.signerKey());
    a.planned.forEach(a::narrate);
    List<SourceMap.EntrySource> sources = new ArrayList<>();
    ObjectNode bundle = JSON.createObjectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("id", bundleId);
    bundle.put("language", lang);
    ObjectNode identifier = bundle.putObject("identifier");
    identifier.put("system", "urn:ietf:rfc:3986");
    identifier.put("value", bundleIdentifier);
    bundle.put("type", "document");
    bundle.put("timestamp", now);
    bundle.set("entry", a.entries(composition, compositionUrl, sources, cb.paths()));
    // One canonical serialization: HAPI's compact JSON of the parsed Bundle (element order of the
    // StructureDefinitions). These exact characters are validated, stored and signed.
    Bundle parsed = fhir.newJsonParser().parseResource(Bundle.class, bundle.toString());
    String json = fhir.newJsonParser().encodeResourceToString(parsed);
    return new ExtractedDocument(
        json,
        bundleId,
        bundleIdentifier,
        "urn:uuid:" + instance,
        new SourceMap(sources),
        a.findings);
  }
}
