package uz.dhp.forms.form.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uz.dhp.forms.form.definition.FormDefinition;

/**
 * Orders rules so that each comes after the rules it reads from. A rule reads item L's answers;
 * those are produced by L's calculation and gated by the enablement of L and of its ancestors.
 */
final class RuleOrder {

  sealed interface Result {}

  record Sorted(List<Rule> rules) implements Result {}

  /** linkIds along a cycle, first repeated at the end. */
  record Cycle(List<String> linkIds) implements Result {}

  private RuleOrder() {}

  static Result sort(FormDefinition def, List<Rule> rules) {
    Map<String, Rule> calc = new HashMap<>();
    Map<String, Rule> enable = new HashMap<>();
    for (Rule r : rules) {
      if (r.kind() == Rule.Kind.CALCULATE) {
        calc.put(r.linkId(), r);
      } else if (r.kind() == Rule.Kind.ENABLE) {
        enable.put(r.linkId(), r);
      }
    }
    Map<Rule, List<Rule>> inputs = new HashMap<>();
    for (Rule s : rules) {
      List<Rule> in = new ArrayList<>();
      for (String l : s.deps().linkIds()) {
        Rule c = calc.get(l);
        if (c != null) {
          in.add(c);
        }
        Rule e = enable.get(l);
        if (e != null) {
          in.add(e);
        }
        for (String a : def.index().ancestors(l)) {
          Rule ea = enable.get(a);
          if (ea != null) {
            in.add(ea);
          }
        }
      }
      inputs.put(s, in);
    }
    List<Rule> out = new ArrayList<>(rules.size());
    Map<Rule, Integer> state = new HashMap<>(); // 1 = on stack, 2 = done
    for (Rule r : rules) {
      Cycle c = visit(r, inputs, state, new ArrayDeque<>(), out);
      if (c != null) {
        return c;
      }
    }
    List<Rule> ranked = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      ranked.add(out.get(i).withRank(i));
    }
    return new Sorted(ranked);
  }

  private static Cycle visit(
      Rule r,
      Map<Rule, List<Rule>> inputs,
      Map<Rule, Integer> state,
      Deque<Rule> stack,
      List<Rule> out) {
    Integer s = state.get(r);
    if (s != null && s == 2) {
      return null;
    }
    if (s != null) {
      List<String> cycle = new ArrayList<>();
      boolean on = false;
      for (var it = stack.descendingIterator(); it.hasNext(); ) {
        Rule x = it.next();
        if (x.equals(r)) {
          on = true;
        }
        if (on) {
          cycle.add(x.linkId());
        }
      }
      cycle.add(r.linkId());
      return new Cycle(cycle);
    }
    state.put(r, 1);
    stack.push(r);
    for (Rule in : inputs.getOrDefault(r, List.of())) {
      Cycle c = visit(in, inputs, state, stack, out);
      if (c != null) {
        return c;
      }
    }
    stack.pop();
    state.put(r, 2);
    out.add(r);
    return null;
  }
}
