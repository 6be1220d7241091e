package uz.dhp.forms.document;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.model.QuestionnaireResponse;
import uz.dhp.forms.document.extract.DocumentExtractor;
import uz.dhp.forms.document.extract.EntryIdentity;
import uz.dhp.forms.document.extract.ExtractedDocument;
import uz.dhp.forms.document.extract.FormFiles;
import uz.dhp.forms.document.finding.Finding;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.validation.DocumentValidator;
import uz.dhp.forms.document.validation.RequiredAnswers;
import uz.dhp.forms.document.validation.ValidationReport;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.support.IdGenerator;

/**
 * Finalize, correct and retract documents (the pure part of the lifecycle, dhp-spec §2.4 and §10
 * C1): extraction + narrative + validation → immutable bytes. Storage, signing and sending are done
 * by others with the bytes returned here. Every method may block (validator warm-up, validation):
 * call them from a background thread, never the FX thread.
 */
public final class DocumentService {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FhirContext fhir;
  private final Clock clock;
  private final IdGenerator ids;
  // Replaced when FHIR packages are imported (useValidator).
  private volatile CompletableFuture<DocumentValidator> validator;
  private final DocumentExtractor extractor;

  public DocumentService(
      FhirContext fhir,
      Clock clock,
      IdGenerator ids,
      CompletableFuture<DocumentValidator> validator) {
    this.fhir = fhir;
    this.clock = clock;
    this.ids = ids;
    this.validator = validator;
    this.extractor = new DocumentExtractor(fhir, clock, ids);
  }

  /**
   * A filled form to finalize.
   *
   * @param form questionnaire + extraction mapping
   * @param response the QuestionnaireResponse as JSON
   * @param master clinic master data
   * @param signerKey master-data key of the practitioner finalizing
   * @param userLanguage language of field names in messages
   * @param narrativeLanguage language of the document narrative ("uz" by default, dhp-spec Q8)
   * @param fixedIds identities for single-instance resources by extraction rule id (e.g. {@code
   *     patient} → the local patient index id, or the patient's URL on the server), see {@link
   *     DocumentExtractor.Request#fixedIds()}
   */
  public record FinalizeRequest(
      FormFiles form,
      JsonNode response,
      ClinicMasterData master,
      String signerKey,
      UiLanguage userLanguage,
      String narrativeLanguage,
      Map<String, EntryIdentity> fixedIds) {

    public FinalizeRequest {
      fixedIds = Map.copyOf(fixedIds);
    }

    public FinalizeRequest(
        FormFiles form,
        JsonNode response,
        ClinicMasterData master,
        String signerKey,
        UiLanguage userLanguage,
        String narrativeLanguage) {
      this(form, response, master, signerKey, userLanguage, narrativeLanguage, Map.of());
    }
  }

  /** The same request from a HAPI QuestionnaireResponse. */
  public FinalizeRequest request(
      FormFiles form,
      QuestionnaireResponse response,
      ClinicMasterData master,
      String signerKey,
      UiLanguage userLanguage,
      String narrativeLanguage) {
    try {
      JsonNode qr = JSON.readTree(fhir.newJsonParser().encodeResourceToString(response));
      return new FinalizeRequest(form, qr, master, signerKey, userLanguage, narrativeLanguage);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("HAPI produced unreadable JSON", e);
    }
  }

  /**
   * Checks documents with {@code next} from now on (new FHIR packages were imported); a finalize
   * already waiting for the previous validator goes on with that one.
   */
  public void useValidator(CompletableFuture<DocumentValidator> next) {
    validator = next;
  }

  /** True once the validator has been built (finalizing before that waits for it). */
  public boolean validatorReady() {
    return validator.isDone() && !validator.isCompletedExceptionally();
  }

  /** First version of a new document. */
  public FinalizeOutcome finalizeDocument(FinalizeRequest request) {
    return finalize(request, Optional.empty(), 1);
  }

  /**
   * A correction of {@code previous}: a new version with a new Bundle.identifier and the same
   * Composition.identifier, status {@code final} (C1 default until DHP un-fixes the status).
   */
  public FinalizeOutcome correct(FinalizedDocument previous, FinalizeRequest request) {
    if (!previous.formNumber().equals(request.form().formNumber())) {
      throw new IllegalArgumentException("a correction must use the same form");
    }
    String instance = previous.compositionIdentifier().substring("urn:uuid:".length());
    return finalize(request, Optional.of(instance), previous.version() + 1);
  }

  private FinalizeOutcome finalize(FinalizeRequest r, Optional<String> instance, int version) {
    List<Finding> findings = new ArrayList<>();
    findings.addAll(
        new RequiredAnswers(r.form().questionnaire(), r.userLanguage().tag()).check(r.response()));
    ExtractedDocument doc =
        extractor.extract(
            new DocumentExtractor.Request(
                r.form(),
                r.response(),
                r.master(),
                r.signerKey(),
                instance,
                r.narrativeLanguage(),
                r.fixedIds()));
    ValidationReport report = awaitValidator().validate(doc);
    findings.addAll(report.findings());
    if (findings.stream().anyMatch(Finding::isError)) {
      List<Finding> ordered = new ArrayList<>(findings.stream().filter(Finding::isError).toList());
      ordered.addAll(findings.stream().filter(f -> !f.isError()).toList());
      return new FinalizeOutcome.Rejected(ordered);
    }
    byte[] bytes = doc.json().getBytes(StandardCharsets.UTF_8);
    return new FinalizeOutcome.Finalized(
        new FinalizedDocument(
            doc.bundleIdentifier(),
            doc.compositionIdentifier(),
            version,
            DocumentStatus.FINAL,
            doc.bundleId(),
            r.form().formNumber(),
            bytes,
            sha256(bytes)),
        findings);
  }

  /**
   * Retraction of {@code previous} (on DHP's request only, §2.4 default): the same content with
   * Composition.status {@code entered-in-error}, a new Bundle.id / Bundle.identifier / timestamp.
   * Not validated against the form profiles, which fix status {@code final}.
   */
  public FinalizedDocument retract(FinalizedDocument previous) {
    try {
      ObjectNode bundle = (ObjectNode) JSON.readTree(previous.bytes());
      String now =
          OffsetDateTime.now(clock)
              .truncatedTo(ChronoUnit.SECONDS)
              .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      String bundleId = ids.newId();
      String identifier = "urn:uuid:" + ids.newId();
      bundle.put("id", bundleId);
      ((ObjectNode) bundle.path("identifier")).put("value", identifier);
      bundle.put("timestamp", now);
      ObjectNode composition = (ObjectNode) bundle.path("entry").path(0).path("resource");
      composition.put("status", DocumentStatus.ENTERED_IN_ERROR.code());
      Bundle parsed = fhir.newJsonParser().parseResource(Bundle.class, bundle.toString());
      byte[] bytes =
          fhir.newJsonParser().encodeResourceToString(parsed).getBytes(StandardCharsets.UTF_8);
      return new FinalizedDocument(
          identifier,
          previous.compositionIdentifier(),
          previous.version() + 1,
          DocumentStatus.ENTERED_IN_ERROR,
          bundleId,
          previous.formNumber(),
          bytes,
          sha256(bytes));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("stored document bytes are not JSON", e);
    }
  }

  private DocumentValidator awaitValidator() {
    CompletableFuture<DocumentValidator> current = validator;
    try {
      return current.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the validator", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the validator could not be built", e.getCause());
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }
}
