package uz.dhp.forms.form.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hl7.fhir.r5.fhirpath.ExpressionNode;
import uz.dhp.forms.form.definition.EnableWhen;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.Variable;

/**
 * A definition with parsed expressions and its dependency graph: which rules must be re-evaluated
 * when an item's answers (or enablement) change, in an order that respects dependencies. Built once
 * per open; cycles are rejected here.
 */
public final class CompiledForm {

  /** A parsed variable with where it is defined ({@code null} = questionnaire level). */
  record CompiledVariable(
      String name, @Nullable String ownerLinkId, ExpressionNode expression, Dependencies deps) {}

  private final FormDefinition definition;
  private final List<Rule> rulesInOrder;
  private final Map<String, List<Rule>> dependents;
  private final List<Rule> wideRules;
  private final Map<String, Rule> enableRules;
  private final Map<String, Rule> calcRules;
  private final Map<String, ExpressionNode> initialExpressions;
  private final Map<String, Map<String, CompiledVariable>> variablesByOwner;

  private CompiledForm(
      FormDefinition definition,
      List<Rule> rulesInOrder,
      Map<String, ExpressionNode> initialExpressions,
      Map<String, Map<String, CompiledVariable>> variablesByOwner) {
    this.definition = definition;
    this.rulesInOrder = List.copyOf(rulesInOrder);
    this.initialExpressions = Map.copyOf(initialExpressions);
    this.variablesByOwner = variablesByOwner;
    Map<String, List<Rule>> deps = new HashMap<>();
    List<Rule> wide = new ArrayList<>();
    Map<String, Rule> enable = new HashMap<>();
    Map<String, Rule> calc = new HashMap<>();
    for (Rule r : rulesInOrder) {
      for (String l : r.deps().linkIds()) {
        deps.computeIfAbsent(l, k -> new ArrayList<>()).add(r);
      }
      if (r.deps().wide()) {
        wide.add(r);
      }
      (r.kind() == Rule.Kind.ENABLE ? enable : calc).put(r.linkId(), r);
    }
    this.dependents = deps;
    this.wideRules = List.copyOf(wide);
    this.enableRules = enable;
    this.calcRules = calc;
  }

  public FormDefinition definition() {
    return definition;
  }

  /** Parses every expression, resolves variables, orders rules and rejects cycles. */
  public static CompileOutcome compile(FormDefinition def, ExpressionEngine engine) {
    Map<String, Map<String, CompiledVariable>> vars = new HashMap<>();
    Map<String, ExpressionNode> initial = new HashMap<>();
    List<Rule> rules = new ArrayList<>();
    CompileOutcome.Invalid problem = parseVariables(def, null, def.variables(), engine, vars);
    if (problem != null) {
      return problem;
    }
    for (FormItem item : def.index().all()) {
      problem = parseVariables(def, item.linkId(), item.common().variables(), engine, vars);
      if (problem != null) {
        return problem;
      }
    }
    for (FormItem item : def.index().all()) {
      var c = item.common();
      Dependencies enableDeps = Dependencies.none();
      ExpressionNode enableExpr = null;
      if (c.enableWhenExpression() != null) {
        var parsed = parse(engine, item.linkId(), c.enableWhenExpression());
        if (parsed instanceof CompileOutcome.Invalid inv) {
          return inv;
        }
        enableExpr = ((Parsed) parsed).node;
        enableDeps = Dependencies.of(enableExpr);
      }
      if (c.isConditional()) {
        Set<String> qs = new HashSet<>();
        c.enableWhen().stream().map(EnableWhen::question).forEach(qs::add);
        rules.add(
            new Rule(
                item.linkId(),
                Rule.Kind.ENABLE,
                enableExpr,
                enableDeps.plus(Dependencies.ofLinkIds(qs)),
                0));
      }
      if (c.calculatedExpression() != null) {
        var parsed = parse(engine, item.linkId(), c.calculatedExpression());
        if (parsed instanceof CompileOutcome.Invalid inv) {
          return inv;
        }
        ExpressionNode n = ((Parsed) parsed).node;
        rules.add(new Rule(item.linkId(), Rule.Kind.CALCULATE, n, Dependencies.of(n), 0));
      }
      if (c.initialExpression() != null) {
        var parsed = parse(engine, item.linkId(), c.initialExpression());
        if (parsed instanceof CompileOutcome.Invalid inv) {
          return inv;
        }
        initial.put(item.linkId(), ((Parsed) parsed).node);
      }
    }
    // Fold variable dependencies into the rules that use them.
    List<Rule> resolved = new ArrayList<>();
    for (Rule r : rules) {
      Dependencies d = r.deps();
      var expanded = expandVariables(def, r.linkId(), d, vars, new HashSet<>());
      if (expanded instanceof CompileOutcome.Invalid inv) {
        // Report the item whose rule led to the problem, also when it lies in a form variable.
        return new CompileOutcome.Invalid(r.linkId(), inv.reasonKey(), inv.args());
      }
      resolved.add(new Rule(r.linkId(), r.kind(), r.expression(), ((Expanded) expanded).deps, 0));
    }
    for (String linkId : initial.keySet()) {
      var expanded =
          expandVariables(def, linkId, Dependencies.of(initial.get(linkId)), vars, new HashSet<>());
      if (expanded instanceof CompileOutcome.Invalid inv) {
        return inv;
      }
    }
    for (Rule r : resolved) {
      for (String l : r.deps().linkIds()) {
        if (!def.index().contains(l)) {
          return new CompileOutcome.Invalid(
              r.linkId(), "form.check.expression.unknownLinkId", List.of(l));
        }
      }
    }
    var ordered = RuleOrder.sort(def, resolved);
    if (ordered instanceof RuleOrder.Cycle cycle) {
      return new CompileOutcome.Invalid(
          cycle.linkIds().get(0), "form.check.cycle", List.of(String.join(" → ", cycle.linkIds())));
    }
    return new CompileOutcome.Compiled(
        new CompiledForm(def, ((RuleOrder.Sorted) ordered).rules(), initial, vars));
  }

  private record Parsed(ExpressionNode node) implements ParsedOrInvalid {}

  private sealed interface ParsedOrInvalid permits Parsed, Expanded {}

  private record Expanded(Dependencies deps) implements ParsedOrInvalid {}

  private static Object parse(ExpressionEngine engine, @Nullable String linkId, String expression) {
    var p = engine.parse(expression);
    if (p instanceof ExpressionEngine.ParseOutcome.Invalid inv) {
      return new CompileOutcome.Invalid(
          linkId, "form.check.expression.syntax", List.of(expression, inv.message()));
    }
    return new Parsed(((ExpressionEngine.ParseOutcome.Parsed) p).node());
  }

  private static CompileOutcome.@Nullable Invalid parseVariables(
      FormDefinition def,
      @Nullable String owner,
      List<Variable> variables,
      ExpressionEngine engine,
      Map<String, Map<String, CompiledVariable>> out) {
    Map<String, CompiledVariable> scope = new LinkedHashMap<>();
    for (Variable v : variables) {
      Object p = parse(engine, owner, v.expression());
      if (p instanceof CompileOutcome.Invalid inv) {
        return inv;
      }
      ExpressionNode n = ((Parsed) p).node;
      if (scope.put(v.name(), new CompiledVariable(v.name(), owner, n, Dependencies.of(n)))
          != null) {
        return new CompileOutcome.Invalid(
            owner, "form.check.variable.duplicate", List.of(v.name()));
      }
    }
    if (!scope.isEmpty()) {
      out.put(owner == null ? "" : owner, scope);
    }
    return null;
  }

  /** Replaces variable references by the variables' own dependencies, transitively. */
  private static Object expandVariables(
      FormDefinition def,
      @Nullable String linkId,
      Dependencies d,
      Map<String, Map<String, CompiledVariable>> vars,
      Set<String> visiting) {
    Dependencies acc = new Dependencies(d.linkIds(), Set.of(), d.wide());
    for (String name : d.variables()) {
      Optional<CompiledVariable> v = lookup(def, linkId, name, vars);
      if (v.isEmpty()) {
        return new CompileOutcome.Invalid(
            linkId, "form.check.expression.unknownVariable", List.of(name));
      }
      String key = v.get().ownerLinkId() + "/" + name;
      if (!visiting.add(key)) {
        return new CompileOutcome.Invalid(linkId, "form.check.variable.cycle", List.of(name));
      }
      Object inner = expandVariables(def, v.get().ownerLinkId(), v.get().deps(), vars, visiting);
      visiting.remove(key);
      if (inner instanceof CompileOutcome.Invalid) {
        return inner;
      }
      acc = acc.plus(((Expanded) inner).deps);
    }
    return new Expanded(acc);
  }

  /** The variable {@code name} visible from item {@code linkId} (itself, ancestors, then form). */
  static Optional<CompiledVariable> lookup(
      FormDefinition def,
      @Nullable String linkId,
      String name,
      Map<String, Map<String, CompiledVariable>> vars) {
    List<String> scopes = new ArrayList<>();
    if (linkId != null) {
      scopes.add(linkId);
      scopes.addAll(def.index().ancestors(linkId));
    }
    scopes.add("");
    for (String s : scopes) {
      Map<String, CompiledVariable> m = vars.get(s);
      if (m != null && m.containsKey(name)) {
        return Optional.of(m.get(name));
      }
    }
    return Optional.empty();
  }

  Optional<CompiledVariable> variable(@Nullable String linkId, String name) {
    return lookup(definition, linkId, name, variablesByOwner);
  }

  List<Rule> rulesInOrder() {
    return rulesInOrder;
  }

  List<Rule> dependentsOf(String linkId) {
    return dependents.getOrDefault(linkId, List.of());
  }

  List<Rule> wideRules() {
    return wideRules;
  }

  @Nullable Rule enableRule(String linkId) {
    return enableRules.get(linkId);
  }

  @Nullable Rule calcRule(String linkId) {
    return calcRules.get(linkId);
  }

  @Nullable ExpressionNode initialExpression(String linkId) {
    return initialExpressions.get(linkId);
  }

  public int ruleCount() {
    return rulesInOrder.size();
  }
}
