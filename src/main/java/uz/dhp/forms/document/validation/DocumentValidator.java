package uz.dhp.forms.document.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
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
    List<SingleValidationMessage> messages = validatorMessages(bundleJson);
    Set<String> unexpandable = new java.util.HashSet<>();
    for (SingleValidationMessage m : messages) {
      if (ValidatorNoise.cannotExpand(m.getMessage())) {
        unexpandable.add(m.getLocationString());
      }
    }
    List<Finding> found = new ArrayList<>();
    for (SingleValidationMessage m : messages) {
      toFinding(m, sources, unexpandable.contains(m.getLocationString())).ifPresent(found::add);
    }
    all.addAll(relaxUnverifiableMatches(found, sources));
    return new ValidationReport(all, !packages.isEmpty());
  }

  /** HAPI's own messages, unfiltered (tests look at what the validator itself says). */
  List<SingleValidationMessage> validatorMessages(String bundleJson) {
    ValidationResult result = validator.validateWithResult(bundleJson);
    return result.getMessages();
  }

  private static Optional<Finding> toFinding(
      SingleValidationMessage m, SourceMap sources, boolean valueSetUnexpandable) {
    String id = m.getMessageId() == null ? "" : m.getMessageId();
    String location = m.getLocationString() == null ? "" : m.getLocationString();
    if (ValidatorNoise.cannotExpand(m.getMessage())) {
      return Optional.empty(); // reported once, below, as "could not be checked offline"
    }
    if (valueSetUnexpandable && id.startsWith("Terminology_TX_NoValid")) {
      // The binding's value set is defined on SNOMED CT / LOINC, which is not available offline:
      // the validator cannot know whether the code is in it. A warning, not an error; the DHP
      // server checks it on submission.
      return Optional.of(
          new Finding(
              Severity.WARNING,
              location,
              sources.linkIdFor(location),
              "document.validation.unverifiedCode",
              List.of(),
              id));
    }
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
    return Optional.of(
        new Finding(
            severity,
            location,
            sources.linkIdFor(location),
            "document.validation.validatorMessage",
            List.of(m.getMessage()),
            id.isEmpty() ? "validator" : id));
  }

  /**
   * "Unable to find a profile match for urn:uuid:X among choices …" is an error about the
   * referencing element, but when X itself has no error and only codes that could not be checked
   * offline, the match failed for the same unverifiable reason: report it as that warning.
   */
  private static List<Finding> relaxUnverifiableMatches(List<Finding> found, SourceMap sources) {
    java.util.Set<Integer> withErrors = new java.util.HashSet<>();
    java.util.Set<Integer> unverified = new java.util.HashSet<>();
    for (Finding f : found) {
      int entry = entryIndex(f.path());
      if (f.isError() && !"Reference_REF_CantMatchChoice".equals(f.source())) {
        withErrors.add(entry);
      } else if ("document.validation.unverifiedCode".equals(f.messageKey())) {
        unverified.add(entry);
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Finding f : found) {
      if ("Reference_REF_CantMatchChoice".equals(f.source()) && f.isError()) {
        int target = targetIndex(String.valueOf(f.args().get(0)), sources);
        if (target >= 0 && unverified.contains(target) && !withErrors.contains(target)) {
          out.add(
              new Finding(
                  Severity.WARNING,
                  f.path(),
                  f.linkId(),
                  "document.validation.unverifiedReference",
                  List.of(),
                  f.source()));
          continue;
        }
      }
      out.add(f);
    }
    return out;
  }

  private static int entryIndex(String path) {
    int start = path.indexOf("entry[");
    if (start < 0) {
      return -1;
    }
    try {
      return Integer.parseInt(path.substring(start + 6, path.indexOf(']', start)));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int targetIndex(String message, SourceMap sources) {
    for (int i = 0; i < sources.entries().size(); i++) {
      if (message.contains(sources.entries().get(i).fullUrl() + " ")) {
        return i;
      }
    }
    return -1;
  }
}
