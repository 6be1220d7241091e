package uz.dhp.forms.form.rules;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.hl7.fhir.r5.fhirpath.ExpressionNode;

/**
 * A re-evaluable fact about one item: whether it is enabled, or its calculated value.
 *
 * @param rank position in a topological order of the dependency graph
 */
record Rule(
    String linkId, Kind kind, @Nullable ExpressionNode expression, Dependencies deps, int rank) {
  enum Kind {
    ENABLE,
    CALCULATE
  }

  Rule withRank(int r) {
    return new Rule(linkId, kind, expression, deps, r);
  }
}
