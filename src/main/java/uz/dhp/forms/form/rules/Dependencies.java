package uz.dhp.forms.form.rules;

import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r5.fhirpath.ExpressionNode;
import org.hl7.fhir.r5.fhirpath.FHIRPathUtilityClasses.FHIRConstant;
import org.hl7.fhir.r5.model.StringType;

/**
 * What an expression reads, found by walking its syntax tree: linkIds it filters items by ({@code
 * linkId = 'x'}), {@code %variables} it uses, and whether it reads answers without such a filter
 * (then it is "wide" and is re-evaluated after any change — correct, just slower).
 */
record Dependencies(Set<String> linkIds, Set<String> variables, boolean wide) {

  static final Set<String> BUILT_IN =
      Set.of("resource", "rootResource", "context", "questionnaire", "ucum", "sct", "loinc");

  static Dependencies of(ExpressionNode root) {
    Set<String> linkIds = new HashSet<>();
    Set<String> vars = new HashSet<>();
    boolean[] readsAnswers = {false};
    boolean[] filtersByOtherMeans = {false};
    walk(root, linkIds, vars, readsAnswers, filtersByOtherMeans);
    boolean wide = readsAnswers[0] && (linkIds.isEmpty() || filtersByOtherMeans[0]);
    return new Dependencies(Set.copyOf(linkIds), Set.copyOf(vars), wide);
  }

  private static void walk(
      ExpressionNode n, Set<String> linkIds, Set<String> vars, boolean[] answers, boolean[] other) {
    if (n == null) {
      return;
    }
    switch (n.getKind()) {
      case Name -> {
        String name = n.getName();
        if ("answer".equals(name) || "value".equals(name) || "item".equals(name)) {
          answers[0] = true;
        }
        if ("linkId".equals(name)) {
          String c = comparedConstant(n);
          if (c != null) {
            linkIds.add(c);
          } else {
            other[0] = true;
          }
        }
      }
      case Constant -> {
        if (n.getConstant() instanceof FHIRConstant fc && fc.getValue().startsWith("%")) {
          String v = fc.getValue().substring(1);
          if ("context".equals(v)) {
            answers[0] = true;
          }
          if (!BUILT_IN.contains(v)) {
            vars.add(v);
          }
        } else if (n.getConstant() instanceof StringType s
            && n.getOperation() != null
            && isEquality(n.getOperation())
            && n.getOpNext() != null
            && n.getOpNext().getKind() == ExpressionNode.Kind.Name
            && "linkId".equals(n.getOpNext().getName())) {
          linkIds.add(s.getValue());
          walk(n.getOpNext().getInner(), linkIds, vars, answers, other);
          walk(n.getOpNext().getOpNext(), linkIds, vars, answers, other);
          walk(n.getInner(), linkIds, vars, answers, other);
          return;
        }
      }
      default -> {}
    }
    if (n.getParameters() != null) {
      for (ExpressionNode p : n.getParameters()) {
        walk(p, linkIds, vars, answers, other);
      }
    }
    walk(n.getGroup(), linkIds, vars, answers, other);
    walk(n.getInner(), linkIds, vars, answers, other);
    walk(n.getOpNext(), linkIds, vars, answers, other);
  }

  private static String comparedConstant(ExpressionNode linkIdName) {
    if (linkIdName.getInner() != null
        || linkIdName.getOperation() == null
        || !isEquality(linkIdName.getOperation())) {
      return null;
    }
    ExpressionNode next = linkIdName.getOpNext();
    if (next != null
        && next.getKind() == ExpressionNode.Kind.Constant
        && next.getConstant() instanceof StringType s) {
      return s.getValue();
    }
    return null;
  }

  private static boolean isEquality(ExpressionNode.Operation op) {
    return op == ExpressionNode.Operation.Equals || op == ExpressionNode.Operation.Equivalent;
  }

  Dependencies plus(Dependencies other) {
    Set<String> l = new HashSet<>(linkIds);
    l.addAll(other.linkIds);
    Set<String> v = new HashSet<>(variables);
    v.addAll(other.variables);
    return new Dependencies(l, v, wide || other.wide);
  }

  static Dependencies none() {
    return new Dependencies(Set.of(), Set.of(), false);
  }

  static Dependencies ofLinkIds(Set<String> ids) {
    return new Dependencies(Set.copyOf(ids), Set.of(), false);
  }
}
