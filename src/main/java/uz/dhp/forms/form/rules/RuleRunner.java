package uz.dhp.forms.form.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.hl7.fhir.r5.model.Base;
import org.hl7.fhir.r5.model.QuestionnaireResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.EnableWhen;
import uz.dhp.forms.form.definition.TargetConstraint;

/**
 * Re-evaluates the rules affected by a change, in dependency order, and records what changed. Wide
 * expressions (that read answers without naming linkIds) run after every change until nothing moves
 * (bounded, in case a form is self-referential in a way the graph cannot see).
 */
final class RuleRunner {

  private static final Logger LOG = LoggerFactory.getLogger(RuleRunner.class);
  private static final int MAX_WIDE_ROUNDS = 20;

  /** Nodes touched by one edit. */
  static final class Changes {
    final Set<Node> values = new LinkedHashSet<>();
    final Set<Node> enablement = new LinkedHashSet<>();
    final Set<Node> validation = new LinkedHashSet<>();
    final Set<uz.dhp.forms.form.answer.ItemPath> structure = new LinkedHashSet<>();
  }

  private final CompiledForm form;
  private final ExpressionEngine.Evaluator evaluator;
  private final QuestionnaireResponse live;
  private final Map<String, List<Node>> instances;
  private final Node root;
  private final Set<String> failedOnce = new HashSet<>();

  RuleRunner(
      CompiledForm form,
      ExpressionEngine.Evaluator evaluator,
      QuestionnaireResponse live,
      Map<String, List<Node>> instances,
      Node root) {
    this.form = form;
    this.evaluator = evaluator;
    this.live = live;
    this.instances = instances;
    this.root = root;
  }

  /** Evaluates every rule once (on open). */
  void runAll(Changes changes) {
    for (Rule r : form.rulesInOrder()) {
      apply(r, changes);
    }
    propagate(Set.of(), changes, true);
  }

  /** Re-evaluates what depends on {@code changedLinkIds}. */
  void propagate(Set<String> changedLinkIds, Changes changes, boolean dirty) {
    PriorityQueue<Rule> queue = new PriorityQueue<>(Comparator.comparingInt(Rule::rank));
    Set<Rule> queued = new HashSet<>();
    changedLinkIds.forEach(l -> enqueueDependents(l, queue, queued));
    boolean changed = dirty || !changedLinkIds.isEmpty();
    for (int round = 0; round <= MAX_WIDE_ROUNDS; round++) {
      while (!queue.isEmpty()) {
        Rule r = queue.poll();
        queued.remove(r);
        Set<String> produced = apply(r, changes);
        if (!produced.isEmpty()) {
          changed = true;
          produced.forEach(l -> enqueueDependents(l, queue, queued));
        }
      }
      if (form.wideRules().isEmpty() || !changed) {
        return;
      }
      changed = false;
      for (Rule r : form.wideRules()) {
        Set<String> produced = apply(r, changes);
        if (!produced.isEmpty()) {
          changed = true;
          produced.forEach(l -> enqueueDependents(l, queue, queued));
        }
      }
      if (!changed) {
        return;
      }
    }
    LOG.warn("Form {}: wide expressions did not settle", form.definition().formId());
  }

  private void enqueueDependents(String linkId, PriorityQueue<Rule> queue, Set<Rule> queued) {
    for (Rule r : form.dependentsOf(linkId)) {
      if (queued.add(r)) {
        queue.add(r);
      }
    }
  }

  /** Applies one rule to every instance of its item; returns linkIds whose answers changed. */
  Set<String> apply(Rule rule, Changes changes) {
    Set<String> produced = new LinkedHashSet<>();
    for (Node n : List.copyOf(instances.getOrDefault(rule.linkId(), List.of()))) {
      if (rule.kind() == Rule.Kind.CONSTRAINT) {
        TargetConstraint tc = rule.constraint();
        List<Base> r = eval(rule, n);
        // An empty result holds: constraints usually guard with empty() themselves.
        boolean holds = r.isEmpty() || evaluator.toBoolean(r);
        boolean changed =
            holds
                ? n.failedConstraints.remove(tc.key()) != null
                : n.failedConstraints.put(tc.key(), tc) == null;
        if (changed) {
          changes.validation.add(n);
        }
      } else if (rule.kind() == Rule.Kind.CALCULATE) {
        List<AnswerValue> v = ResultConversion.toAnswers(n.item, eval(rule, n));
        if (!v.equals(n.answers)) {
          n.setAnswers(v);
          changes.values.add(n);
          if (n.enabled()) {
            produced.add(n.linkId());
          }
        }
      } else {
        boolean enabled = enabled(rule, n);
        if (enabled != n.ownEnabled) {
          n.ownEnabled = enabled;
          Node p = n.parent;
          p.syncMirrorChildren(p == root ? live.getItem() : p.mirror.getItem());
          List<Node> affected = new ArrayList<>();
          affected.add(n);
          n.collect(affected);
          for (Node a : affected) {
            changes.enablement.add(a);
            changes.validation.add(a);
            produced.add(a.linkId());
          }
        }
      }
    }
    return produced;
  }

  private boolean enabled(Rule rule, Node n) {
    var c = n.item.common();
    List<Boolean> results = new ArrayList<>(c.enableWhen().size());
    for (EnableWhen ew : c.enableWhen()) {
      results.add(EnableWhenEvaluator.holds(ew, answersInScope(n, ew.question())));
    }
    boolean on = EnableWhenEvaluator.combine(c.enableBehavior(), results);
    if (on && rule.expression() != null) {
      on = evaluator.toBoolean(eval(rule, n));
    }
    return on;
  }

  /**
   * Answers of {@code question} as seen from {@code n}: within the same row of a repeating group
   * they share, else across all instances.
   */
  List<AnswerValue> answersInScope(Node n, String question) {
    List<Node> qs = instances.getOrDefault(question, List.of());
    if (qs.size() == 1) {
      return qs.get(0).effectiveAnswers();
    }
    List<String> qAncestors = form.definition().index().ancestors(question);
    Node row = null;
    for (Node a = n.parent; a != null && a != root; a = a.parent) {
      if (a.item.common().repeats() && qAncestors.contains(a.linkId())) {
        row = a;
        break;
      }
    }
    List<AnswerValue> out = new ArrayList<>();
    for (Node q : qs) {
      if (row == null || q.isUnder(row)) {
        out.addAll(q.effectiveAnswers());
      }
    }
    return out;
  }

  List<Base> eval(Rule rule, Node n) {
    try {
      return evaluator.evaluate(n, live, n.mirror, rule.expression());
    } catch (RuntimeException e) {
      // A form bug (e.g. a type error) must not stop data entry: treat as empty, log once.
      if (failedOnce.add(rule.linkId() + rule.kind())) {
        LOG.warn(
            "Form {} item {}: {} expression failed: {}",
            form.definition().formId(),
            rule.linkId(),
            rule.kind(),
            e.getMessage());
      }
      return List.of();
    }
  }
}
