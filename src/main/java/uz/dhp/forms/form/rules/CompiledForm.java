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
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.TargetConstraint;
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
  private final Map<String, List<Rule>> constraintRules;
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
    Map<String, List<Rule>> constraints = new HashMap<>();
    for (Rule r : rulesInOrder) {
      for (String l : r.deps().linkIds()) {
        deps.computeIfAbsent(l, k -> new ArrayList<>()).add(r);
      }
      if (r.deps().wide()) {
        wide.add(r);
      }
      switch (r.kind()) {
        case ENABLE -> enable.put(r.linkId(), r);
        case CALCULATE -> calc.put(r.linkId(), r);
        case CONSTRAINT -> constraints.computeIfAbsent(r.linkId(), k -> new ArrayList<>()).add(r);
      }
    }
    this.dependents = deps;
    this.wideRules = List.copyOf(wide);
    this.enableRules = enable;
    this.calcRules = calc;
    this.constraintRules = constraints;
  }

  public FormDefinition definition() {
    return definition;
  }

  /** Parses every expression, resolves variables, orders rules and rejects cycles. */
  public static CompileOutcome compile(FormDefinition def, ExpressionEngine engine) {
    try {
      return new CompileOutcome.Compiled(build(def, engine));
    } catch (Failure f) {
      return f.invalid;
    }
  }

  /** Internal: the first problem found; always turned into {@link CompileOutcome.Invalid}. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient CompileOutcome.Invalid invalid;

    Failure(@Nullable String linkId, String key, String... args) {
      super(key, null, false, false);
      this.invalid = new CompileOutcome.Invalid(linkId, key, List.of(args));
    }
  }

  private static CompiledForm build(FormDefinition def, ExpressionEngine engine) {
    Map<String, Map<String, CompiledVariable>> vars = new HashMap<>();
    parseVariables(null, def.variables(), engine, vars);
    for (FormItem item : def.index().all()) {
      parseVariables(item.linkId(), item.common().variables(), engine, vars);
    }
    // Every variable must resolve, also one no rule uses yet.
    for (Map<String, CompiledVariable> scope : vars.values()) {
      for (CompiledVariable v : scope.values()) {
        expand(def, v.ownerLinkId(), v.ownerLinkId(), v.deps(), vars, new HashSet<>());
      }
    }
    Map<String, ExpressionNode> initial = new HashMap<>();
    List<Rule> rules = new ArrayList<>();
    for (FormItem item : def.index().all()) {
      var c = item.common();
      String id = item.linkId();
      if (c.isConditional()) {
        ExpressionNode expr =
            c.enableWhenExpression() == null ? null : parse(engine, id, c.enableWhenExpression());
        Set<String> questions = new HashSet<>();
        c.enableWhen().forEach(ew -> questions.add(ew.question()));
        Dependencies deps = Dependencies.ofLinkIds(questions);
        if (expr != null) {
          deps = deps.plus(Dependencies.of(expr));
        }
        rules.add(new Rule(id, Rule.Kind.ENABLE, expr, resolve(def, id, deps, vars), 0));
      }
      if (c.calculatedExpression() != null) {
        ExpressionNode n = parse(engine, id, c.calculatedExpression());
        rules.add(
            new Rule(id, Rule.Kind.CALCULATE, n, resolve(def, id, Dependencies.of(n), vars), 0));
      }
      for (TargetConstraint tc : c.constraints()) {
        ExpressionNode n = parse(engine, id, tc.expression());
        rules.add(
            new Rule(
                id, Rule.Kind.CONSTRAINT, n, resolve(def, id, Dependencies.of(n), vars), 0, tc));
      }
      if (c.initialExpression() != null) {
        ExpressionNode n = parse(engine, id, c.initialExpression());
        resolve(def, id, Dependencies.of(n), vars);
        initial.put(id, n);
      }
    }
    for (Rule r : rules) {
      for (String l : r.deps().linkIds()) {
        if (!def.index().contains(l)) {
          throw new Failure(r.linkId(), "form.check.expression.unknownLinkId", l);
        }
      }
    }
    var ordered = RuleOrder.sort(def, rules);
    if (ordered instanceof RuleOrder.Cycle cycle) {
      throw new Failure(
          cycle.linkIds().get(0), "form.check.cycle", String.join(" → ", cycle.linkIds()));
    }
    return new CompiledForm(def, ((RuleOrder.Sorted) ordered).rules(), initial, vars);
  }

  private static ExpressionNode parse(
      ExpressionEngine engine, @Nullable String linkId, String expression) {
    var p = engine.parse(expression);
    if (p instanceof ExpressionEngine.ParseOutcome.Invalid inv) {
      throw new Failure(linkId, "form.check.expression.syntax", expression, inv.message());
    }
    return ((ExpressionEngine.ParseOutcome.Parsed) p).node();
  }

  private static void parseVariables(
      @Nullable String owner,
      List<Variable> variables,
      ExpressionEngine engine,
      Map<String, Map<String, CompiledVariable>> out) {
    Map<String, CompiledVariable> scope = new LinkedHashMap<>();
    for (Variable v : variables) {
      ExpressionNode n = parse(engine, owner, v.expression());
      if (scope.put(v.name(), new CompiledVariable(v.name(), owner, n, Dependencies.of(n)))
          != null) {
        throw new Failure(owner, "form.check.variable.duplicate", v.name());
      }
    }
    if (!scope.isEmpty()) {
      out.put(owner == null ? "" : owner, scope);
    }
  }

  /**
   * Replaces variable references by the variables' own inputs, transitively. Problems are reported
   * on {@code linkId}, the item whose expression led there.
   */
  private static Dependencies resolve(
      FormDefinition def,
      String linkId,
      Dependencies d,
      Map<String, Map<String, CompiledVariable>> vars) {
    return expand(def, linkId, linkId, d, vars, new HashSet<>());
  }

  private static Dependencies expand(
      FormDefinition def,
      @Nullable String reportOn,
      @Nullable String scope,
      Dependencies d,
      Map<String, Map<String, CompiledVariable>> vars,
      Set<String> visiting) {
    Dependencies acc = new Dependencies(d.linkIds(), Set.of(), d.wide());
    for (String name : d.variables()) {
      CompiledVariable v =
          lookup(def, scope, name, vars)
              .orElseThrow(
                  () -> new Failure(reportOn, "form.check.expression.unknownVariable", name));
      String key = v.ownerLinkId() + "/" + name;
      if (!visiting.add(key)) {
        throw new Failure(reportOn, "form.check.variable.cycle", name);
      }
      acc = acc.plus(expand(def, reportOn, v.ownerLinkId(), v.deps(), vars, visiting));
      visiting.remove(key);
    }
    return acc;
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

  List<Rule> constraintRules(String linkId) {
    return constraintRules.getOrDefault(linkId, List.of());
  }

  @Nullable ExpressionNode initialExpression(String linkId) {
    return initialExpressions.get(linkId);
  }

  public int ruleCount() {
    return rulesInOrder.size();
  }
}
