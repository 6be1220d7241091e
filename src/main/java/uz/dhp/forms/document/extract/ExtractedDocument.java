package uz.dhp.forms.document.extract;

import java.util.List;
import uz.dhp.forms.document.finding.Finding;

/**
 * An assembled document Bundle in its one canonical serialization (HAPI compact JSON, elements in
 * StructureDefinition order), with where its parts came from and the problems met on the way.
 *
 * @param json the Bundle JSON, exactly the text that is validated, stored and signed
 * @param bundleId {@code Bundle.id} (client UUID; target of signing Provenances)
 * @param bundleIdentifier {@code Bundle.identifier.value}, {@code urn:uuid:…}, new per version
 * @param compositionIdentifier the instance {@code Composition.identifier.value}, stable across
 *     versions
 * @param sources origin of each entry, for mapping findings back to form fields
 * @param findings problems found while extracting (unknown practitioner, missing section…)
 */
public record ExtractedDocument(
    String json,
    String bundleId,
    String bundleIdentifier,
    String compositionIdentifier,
    SourceMap sources,
    List<Finding> findings) {
  public ExtractedDocument {
    findings = List.copyOf(findings);
  }
}
