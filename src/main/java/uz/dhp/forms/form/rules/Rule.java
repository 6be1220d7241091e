package uz.dhp.forms.form.rules;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.hl7.fhir.r5.fhirpath.ExpressionNode;
import uz.dhp.forms.form.definition.TargetConstraint;

/**
 * A re-evaluable fact about one item: whether it is enabled, its calculated value, or whether one
 * of its targetConstraints holds.
 *
 * @param rank position in a topological order of the dependency graph
 * @param constraint the constraint, for {@link Kind#CONSTRAINT}
 */
record Rule(
    String linkId,
    Kind kind,
    @Nullable ExpressionNode expression,
    Dependencies deps,
    int rank,
    @Nullable TargetConstraint constraint) {

  enum Kind {
    ENABLE,
    CALCULATE,
    /** A targetConstraint: produces validation issues only, no answers. */
    CONSTRAINT
  }

  Rule(String linkId, Kind kind, @Nullable ExpressionNode expression, Dependencies deps, int rank) {
    this(linkId, kind, expression, deps, rank, null);
  }

  Rule withRank(int r) {
    return new Rule(linkId, kind, expression, deps, r, constraint);
  }
}
