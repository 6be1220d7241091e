package uz.dhp.forms.form.rules;

import ca.uhn.fhir.context.FhirContext;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.r5.fhirpath.ExpressionNode;
import org.hl7.fhir.r5.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r5.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r5.model.Base;
import org.hl7.fhir.r5.model.Resource;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r5.model.StructureDefinition.TypeDerivationRule;

/**
 * The HL7 FHIRPath engine, created without loading the R5 core package (see decision 0003):
 * evaluation walks HAPI model objects and needs type definitions only for {@code is}/{@code as}/
 * {@code ofType}; for those, stub StructureDefinitions carrying just name, kind and base are
 * enough. Creation takes tens of milliseconds instead of ~20 s and ~500 MB.
 *
 * <p>Not thread-safe for evaluation with different host services; each {@link FormSession} sets its
 * own via {@link #evaluate}. Parsing is safe to share.
 */
public final class ExpressionEngine {

  private static final String SD = "http://hl7.org/fhir/StructureDefinition/";
  private static final List<String> PRIMITIVES =
      List.of(
          "boolean",
          "integer",
          "integer64",
          "decimal",
          "string",
          "code",
          "id",
          "markdown",
          "uri",
          "url",
          "canonical",
          "oid",
          "uuid",
          "date",
          "dateTime",
          "instant",
          "time",
          "base64Binary",
          "positiveInt",
          "unsignedInt");
  private static final List<String> COMPLEX =
      List.of(
          "Quantity",
          "Coding",
          "CodeableConcept",
          "Attachment",
          "Reference",
          "Period",
          "Range",
          "Ratio",
          "Identifier",
          "HumanName",
          "Address",
          "ContactPoint",
          "Extension",
          "Expression",
          "Meta",
          "Narrative",
          "BackboneElement");
  private static final List<String> RESOURCES =
      List.of("Questionnaire", "QuestionnaireResponse", "Patient", "Practitioner", "Encounter");

  private final HapiWorkerContext worker;
  private final FHIRPathEngine parser;

  private ExpressionEngine(HapiWorkerContext worker) {
    this.worker = worker;
    this.parser = new FHIRPathEngine(worker);
  }

  public static ExpressionEngine create(FhirContext ctx) {
    PrePopulatedValidationSupport types = new PrePopulatedValidationSupport(ctx);
    types.addStructureDefinition(stub("Base", null, StructureDefinitionKind.COMPLEXTYPE));
    types.addStructureDefinition(stub("Element", "Base", StructureDefinitionKind.COMPLEXTYPE));
    types.addStructureDefinition(stub("DataType", "Element", StructureDefinitionKind.COMPLEXTYPE));
    types.addStructureDefinition(
        stub("PrimitiveType", "DataType", StructureDefinitionKind.COMPLEXTYPE));
    types.addStructureDefinition(stub("Resource", "Base", StructureDefinitionKind.RESOURCE));
    types.addStructureDefinition(
        stub("DomainResource", "Resource", StructureDefinitionKind.RESOURCE));
    PRIMITIVES.forEach(
        p ->
            types.addStructureDefinition(
                stub(p, "PrimitiveType", StructureDefinitionKind.PRIMITIVETYPE)));
    COMPLEX.forEach(
        c ->
            types.addStructureDefinition(stub(c, "DataType", StructureDefinitionKind.COMPLEXTYPE)));
    RESOURCES.forEach(
        r ->
            types.addStructureDefinition(
                stub(r, "DomainResource", StructureDefinitionKind.RESOURCE)));
    return new ExpressionEngine(new HapiWorkerContext(ctx, types));
  }

  private static StructureDefinition stub(String name, String base, StructureDefinitionKind kind) {
    StructureDefinition sd = new StructureDefinition();
    sd.setUrl(SD + name).setName(name).setType(name).setKind(kind);
    sd.setDerivation(TypeDerivationRule.SPECIALIZATION);
    if (base != null) {
      sd.setBaseDefinition(SD + base);
    }
    return sd;
  }

  /** Outcome of parsing an expression. */
  public sealed interface ParseOutcome {
    record Parsed(ExpressionNode node) implements ParseOutcome {}

    record Invalid(String message) implements ParseOutcome {}
  }

  public synchronized ParseOutcome parse(String expression) {
    try {
      return new ParseOutcome.Parsed(parser.parse(expression));
    } catch (RuntimeException e) {
      return new ParseOutcome.Invalid(String.valueOf(e.getMessage()));
    }
  }

  /**
   * An evaluator for one session (own engine instance, so sessions never share state). With {@code
   * indexed}, linkId lookups of the SDC idiom are answered by the host's index ({@link
   * IndexedLookup}); without, every expression runs as written (used to prove both agree).
   */
  Evaluator evaluator(HostServices host, boolean indexed) {
    FHIRPathEngine engine = new FHIRPathEngine(worker);
    engine.setHostServices(host);
    return new Evaluator(engine, indexed);
  }

  /** Evaluates parsed expressions; confined to one session's thread. */
  static final class Evaluator {
    private final FHIRPathEngine engine;
    private final boolean indexed;
    private final Map<ExpressionNode, ExpressionNode> rewritten = new IdentityHashMap<>();

    private Evaluator(FHIRPathEngine engine, boolean indexed) {
      this.engine = engine;
      this.indexed = indexed;
    }

    /**
     * Evaluates with {@code %resource} = {@code resource} and {@code focus} as context; {@code
     * scope} is passed to the host services for {@code %variables}.
     */
    List<Base> evaluate(Object scope, Resource resource, Base focus, ExpressionNode node) {
      ExpressionNode run = indexed ? rewritten.computeIfAbsent(node, IndexedLookup::rewrite) : node;
      return engine.evaluate(scope, resource, resource, focus, run);
    }

    boolean toBoolean(List<Base> result) {
      return engine.convertToBoolean(result);
    }
  }
}
