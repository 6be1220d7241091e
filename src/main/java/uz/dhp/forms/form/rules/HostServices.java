package uz.dhp.forms.form.rules;

import java.util.List;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.exceptions.PathEngineException;
import org.hl7.fhir.r5.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r5.fhirpath.FHIRPathUtilityClasses.FunctionDetails;
import org.hl7.fhir.r5.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r5.fhirpath.TypeDetails;
import org.hl7.fhir.r5.model.Base;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.utilities.fhirpath.FHIRPathConstantEvaluationMode;

/** Resolves SDC {@code %variables} for the engine; everything else is unsupported. */
abstract class HostServices implements IHostApplicationServices {

  /** Value of {@code %name} for the evaluation scope, or empty if unknown. */
  abstract List<Base> variable(Object scope, String name);

  @Override
  public List<Base> resolveConstant(
      FHIRPathEngine engine, Object appContext, String name, FHIRPathConstantEvaluationMode mode)
      throws PathEngineException {
    if (mode != FHIRPathConstantEvaluationMode.EXPLICIT || appContext == null) {
      return List.of();
    }
    String n = name.startsWith("%") ? name.substring(1) : name;
    return variable(appContext, n);
  }

  @Override
  public TypeDetails resolveConstantType(
      FHIRPathEngine engine, Object appContext, String name, FHIRPathConstantEvaluationMode mode) {
    return null;
  }

  @Override
  public boolean log(String argument, List<Base> focus) {
    return false;
  }

  @Override
  public FunctionDetails resolveFunction(FHIRPathEngine engine, String functionName) {
    return null;
  }

  @Override
  public TypeDetails checkFunction(
      FHIRPathEngine engine,
      Object appContext,
      String functionName,
      TypeDetails focus,
      List<TypeDetails> parameters) {
    return null;
  }

  @Override
  public List<Base> executeFunction(
      FHIRPathEngine engine,
      Object appContext,
      List<Base> focus,
      String functionName,
      List<List<Base>> parameters) {
    return List.of();
  }

  @Override
  public Base resolveReference(
      FHIRPathEngine engine, Object appContext, String url, Base refContext) throws FHIRException {
    return null;
  }

  @Override
  public Base findContainingResource(Object appContext, Base item) {
    return null;
  }

  @Override
  public boolean conformsToProfile(
      FHIRPathEngine engine, Object appContext, Base item, String url) {
    return false;
  }

  @Override
  public ValueSet resolveValueSet(FHIRPathEngine engine, Object appContext, String url) {
    return null;
  }

  @Override
  public boolean paramIsType(String name, int index) {
    return false;
  }
}
