package uz.dhp.forms.form.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hl7.fhir.r5.fhirpath.ExpressionNode;
import org.hl7.fhir.r5.model.QuestionnaireResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.form.answer.ResponseItem;
import uz.dhp.forms.form.definition.AnswerOption;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormItem;

/** Builds a session's node tree from the definition and a stored response, with initial values. */
final class SessionTree {

  private static final Logger LOG = LoggerFactory.getLogger(SessionTree.class);

  private final CompiledForm form;
  private final ExpressionEngine.Evaluator evaluator;
  private final QuestionnaireResponse live;
  private final Node root;

  SessionTree(
      CompiledForm form,
      ExpressionEngine.Evaluator evaluator,
      QuestionnaireResponse live,
      Node root) {
    this.form = form;
    this.evaluator = evaluator;
    this.live = live;
    this.root = root;
  }

  ExpressionEngine.Evaluator evaluator() {
    return evaluator;
  }

  /**
   * Creates nodes for {@code defs} under {@code parent}, filled from {@code stored} (null: a new
   * filling, initial values applied). Stored items the form does not know become notices.
   */
  void build(
      Node parent,
      List<FormItem> defs,
      @Nullable List<ResponseItem> stored,
      List<OpenOutcome.Notice> notices) {
    Set<String> known = new HashSet<>();
    for (FormItem d : defs) {
      known.add(d.linkId());
      List<ResponseItem> matches = new ArrayList<>();
      if (stored != null) {
        stored.stream().filter(r -> r.linkId().equals(d.linkId())).forEach(matches::add);
      }
      if (d instanceof FormItem.GroupItem) {
        if (matches.isEmpty()) {
          Node row = attach(parent, d);
          build(row, d.children(), stored == null ? null : List.of(), notices);
        } else {
          for (ResponseItem m : matches) {
            Node row = attach(parent, d);
            build(row, d.children(), m.children(), notices);
          }
        }
      } else {
        Node n = attach(parent, d);
        if (stored == null) {
          n.setAnswers(initialValues(d));
        } else {
          List<AnswerValue> answers = new ArrayList<>();
          List<ResponseItem> kids = new ArrayList<>();
          for (ResponseItem m : matches) {
            answers.addAll(m.answers());
            kids.addAll(m.children());
          }
          n.setAnswers(answers);
          build(n, d.children(), kids, notices);
          continue;
        }
        build(n, d.children(), null, notices);
      }
    }
    if (stored != null) {
      for (ResponseItem r : stored) {
        if (!known.contains(r.linkId())) {
          notices.add(new OpenOutcome.Notice("form.response.unknownItem", List.of(r.linkId())));
        }
      }
    }
    parent.syncMirrorChildren(parent == root ? live.getItem() : parent.mirror.getItem());
  }

  private static Node attach(Node parent, FormItem d) {
    Node n = new Node(d, parent);
    parent.children.add(n);
    return n;
  }

  /** A new empty row of a repeating group, inserted as row {@code index}. */
  Node newRow(Node parent, FormItem group, int index) {
    Node row = new Node(group, parent);
    Node anchor = parent.child(group.linkId(), index);
    int pos;
    if (anchor != null) {
      pos = parent.children.indexOf(anchor);
    } else {
      Node last = index == 0 ? null : parent.child(group.linkId(), index - 1);
      pos = last != null ? parent.children.indexOf(last) + 1 : formPosition(parent, group);
    }
    parent.children.add(pos, row);
    build(row, group.children(), null, new ArrayList<>());
    parent.syncMirrorChildren(parent == root ? live.getItem() : parent.mirror.getItem());
    return row;
  }

  /** Where a first row of {@code group} goes among the parent's children (form order). */
  private int formPosition(Node parent, FormItem group) {
    int order = form.definition().index().order(group.linkId());
    int pos = 0;
    for (Node c : parent.children) {
      if (form.definition().index().order(c.linkId()) > order) {
        break;
      }
      pos++;
    }
    return pos;
  }

  private static List<AnswerValue> initialValues(FormItem d) {
    if (!d.common().initial().isEmpty()) {
      return d.common().initial();
    }
    if (d instanceof FormItem.ChoiceItem c) {
      return c.options().stream()
          .filter(AnswerOption::initialSelected)
          .map(AnswerOption::value)
          .toList();
    }
    return List.of();
  }

  /**
   * Evaluates initialExpressions of new, still empty instances under {@code top}, in form order.
   */
  void applyInitialExpressions(Node top, boolean fresh) {
    if (!fresh) {
      return;
    }
    List<Node> nodes = new ArrayList<>();
    if (top != root) {
      nodes.add(top);
    }
    top.collect(nodes);
    for (Node n : nodes) {
      ExpressionNode e = form.initialExpression(n.linkId());
      if (e == null || !n.answers.isEmpty()) {
        continue;
      }
      try {
        n.setAnswers(ResultConversion.toAnswers(n.item, evaluator.evaluate(n, live, n.mirror, e)));
      } catch (RuntimeException ex) {
        LOG.warn(
            "Form {} item {}: initialExpression failed: {}",
            form.definition().formId(),
            n.linkId(),
            ex.getMessage());
      }
    }
  }
}
