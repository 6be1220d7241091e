package uz.dhp.forms.document.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.document.extract.ExtractedDocument;
import uz.dhp.forms.document.extract.SourceMap;
import uz.dhp.forms.document.finding.Finding;
import uz.dhp.forms.document.finding.Severity;

/**
 * HAPI's FHIR validator with R5 core and, when a package directory is given, the DHP profiles, plus
 * our own DHP rules ({@link DhpRules}). Building it takes ~15–25 s and ~0.5 GB, so it is built
 * once, in the background ({@link #build}); validating a document afterwards takes well under a
 * second and may run on several threads.
 */
public final class DocumentValidator {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentValidator.class);

  /**
   * Validator messages that are errors for us although HAPI reports them as warnings or
   * information: a reference that does not resolve inside a document is a broken document.
   */
  static final Set<String> PROMOTED =
      Set.of(
          "Bundle_BUNDLE_Not_Local",
          "Bundle_BUNDLE_Entry_NotFound",
          "BUNDLE_BUNDLE_ENTRY_NOTFOUND");

  private final FhirValidator validator;
  private final List<String> packages;
  private final DhpRules rules;

  private DocumentValidator(FhirValidator validator, List<String> packages) {
    this.validator = validator;
    this.packages = List.copyOf(packages);
    this.rules = new DhpRules();
  }

  /**
   * Starts building on {@code executor} (never the FX thread). The future fails only on a bug; an
   * unreadable package directory degrades to R5-core validation (see {@link #packages()}).
   */
  public static CompletableFuture<DocumentValidator> build(
      FhirContext fhir, Optional<Path> packageDirectory, Executor executor) {
    return CompletableFuture.supplyAsync(() -> create(fhir, packageDirectory), executor);
  }

  /** Builds synchronously; for {@link #build} and benchmarks. */
  public static DocumentValidator create(FhirContext fhir, Optional<Path> packageDirectory) {
    NpmPackageValidationSupport npm = new NpmPackageValidationSupport(fhir);
    List<String> loaded = List.of();
    if (packageDirectory.isPresent() && Files.isDirectory(packageDirectory.get())) {
      try {
        loaded = FhirPackageDirectory.load(fhir, npm, packageDirectory.get());
      } catch (IOException | RuntimeException e) {
        LOG.warn("FHIR packages could not be loaded; validating against R5 core only", e);
        npm = new NpmPackageValidationSupport(fhir);
        loaded = List.of();
      }
    }
    ValidationSupportChain chain =
        new ValidationSupportChain(
            npm,
            new DefaultProfileValidationSupport(fhir),
            new CommonCodeSystemsTerminologyService(fhir),
            new InMemoryTerminologyServerValidationSupport(fhir),
            new SnapshotGeneratingValidationSupport(fhir));
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    module.setErrorForUnknownProfiles(!loaded.isEmpty());
    FhirValidator validator = fhir.newValidator().registerValidatorModule(module);
    LOG.info("Document validator ready with packages {}", loaded);
    return new DocumentValidator(validator, loaded);
  }

  /** "id#version" of the FHIR packages in use; empty means R5 core only. */
  public List<String> packages() {
    return packages;
  }

  /** Validates an extracted document: its own findings, our DHP rules, then HAPI's validator. */
  public ValidationReport validate(ExtractedDocument document) {
    List<Finding> all = new ArrayList<>(document.findings());
    all.addAll(validateJson(document.json(), document.sources()).findings());
    return new ValidationReport(all, !packages.isEmpty());
  }

  /** Validates Bundle JSON exactly as given (the bytes that will be stored and signed). */
  public ValidationReport validateJson(String bundleJson, SourceMap sources) {
    List<Finding> all = new ArrayList<>(rules.check(bundleJson, sources));
    ValidationResult result = validator.validateWithResult(bundleJson);
    for (SingleValidationMessage m : result.getMessages()) {
      toFinding(m, sources).ifPresent(all::add);
    }
    return new ValidationReport(all, !packages.isEmpty());
  }

  private static Optional<Finding> toFinding(SingleValidationMessage m, SourceMap sources) {
    String id = m.getMessageId() == null ? "" : m.getMessageId();
    Severity severity =
        PROMOTED.contains(id)
            ? Severity.ERROR
            : switch (m.getSeverity()) {
              case FATAL, ERROR -> Severity.ERROR;
              case WARNING -> Severity.WARNING;
              default -> Severity.INFORMATION;
            };
    if (severity == Severity.INFORMATION || ValidatorNoise.isNoise(id, m.getMessage(), severity)) {
      return Optional.empty();
    }
    String location = m.getLocationString() == null ? "" : m.getLocationString();
    return Optional.of(
        new Finding(
            severity,
            location,
            sources.linkIdFor(location),
            "document.validation.validatorMessage",
            List.of(m.getMessage()),
            id.isEmpty() ? "validator" : id));
  }

  static boolean isError(ResultSeverityEnum s) {
    return s == ResultSeverityEnum.ERROR || s == ResultSeverityEnum.FATAL;
  }
}
