package uz.dhp.forms.form.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hl7.fhir.r5.model.Base;
import org.hl7.fhir.r5.model.QuestionnaireResponse;
import uz.dhp.forms.form.answer.FormResponse;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.answer.ResponseCodec;
import uz.dhp.forms.form.answer.ResponseItem;
import uz.dhp.forms.form.answer.ResponseStatus;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.TargetConstraint;

/**
 * One filling of a form in progress: answers, enablement, calculated values and validation, kept
 * consistent after every edit. Each edit returns a {@link ChangeSet} naming only what changed.
 *
 * <p>Not thread-safe: use a session from one thread (edits take well under a millisecond on typical
 * forms, see FormEngineBench, so the FX thread is fine).
 */
public final class FormSession {

  private final CompiledForm form;
  private final AnswerValidator validator;
  private final ResponseCodec codec;
  private final String headerJson;
  private final @Nullable String questionnaire;
  private final Node root = new Node(null, null);
  private final QuestionnaireResponse live = new QuestionnaireResponse();
  private final Map<String, List<Node>> instances = new HashMap<>();
  private final RuleRunner runner;
  private final SessionTree tree;
  private final java.util.function.Function<String, Base> questionnaireParser;

  FormSession(
      CompiledForm form,
      ExpressionEngine expressions,
      AnswerValidator validator,
      ResponseCodec codec,
      FormResponse response,
      boolean fresh,
      List<OpenOutcome.Notice> notices,
      java.util.function.Function<String, Base> questionnaireParser,
      boolean indexedLookups) {
    this.form = form;
    this.questionnaireParser = questionnaireParser;
    this.validator = validator;
    this.codec = codec;
    this.headerJson = response.headerJson();
    this.questionnaire = response.questionnaire();
    ExpressionEngine.Evaluator evaluator = expressions.evaluator(new Variables(), indexedLookups);
    this.runner = new RuleRunner(form, evaluator, live, instances, root);
    this.tree = new SessionTree(form, evaluator, live, root);
    tree.build(root, form.definition().items(), fresh ? null : response.items(), notices);
    reindex();
    tree.applyInitialExpressions(root, fresh);
    runner.runAll(new RuleRunner.Changes());
    root.computePresence();
    List<Node> all = new ArrayList<>();
    root.collect(all);
    all.forEach(this::revalidate);
  }

  public FormDefinition definition() {
    return form.definition();
  }

  /** Sets the single answer of an item ({@code null} clears it). */
  public ChangeSet setAnswer(ItemPath path, @Nullable AnswerValue value) {
    return setAnswers(path, value == null ? List.of() : List.of(value));
  }

  /** Sets all answers of an item (several only for repeating questions). */
  public ChangeSet setAnswers(ItemPath path, List<AnswerValue> values) {
    Node n = find(path);
    if (n == null) {
      return ChangeSet.rejected("form.answer.noSuchItem", path.toString());
    }
    if (!n.item.type().isQuestion()) {
      return ChangeSet.rejected("form.answer.notAQuestion", path.toString());
    }
    if (isReadOnly(n)) {
      return ChangeSet.rejected("form.answer.readOnly", path.toString());
    }
    if (n.answers.equals(values)) {
      return new ChangeSet(List.of(), List.of(), List.of(), List.of(), null);
    }
    RuleRunner.Changes changes = new RuleRunner.Changes();
    n.setAnswers(values);
    changes.values.add(n);
    changes.validation.add(n);
    if (n.enabled()) {
      runner.propagate(Set.of(n.linkId()), changes, true);
    }
    return finish(changes);
  }

  /**
   * Inserts an empty row of a repeating group at {@code at.index()} (equal to the row count:
   * append). The parent path is {@code at} without its last step.
   */
  public ChangeSet insertRow(ItemPath at) {
    Node parent = parentOf(at);
    Optional<FormItem> item = form.definition().index().find(at.linkId());
    if (parent == null || item.isEmpty() || !isRepeatingGroup(item.get())) {
      return ChangeSet.rejected("form.answer.notARepeatingGroup", at.toString());
    }
    int rows = rowCount(parent, at.linkId());
    if (at.index() > rows) {
      return ChangeSet.rejected("form.answer.noSuchItem", at.toString());
    }
    Integer max = item.get().common().maxOccurs();
    if (max != null && rows >= max) {
      return ChangeSet.rejected("form.answer.maxOccurs", String.valueOf(max));
    }
    Node row = tree.newRow(parent, item.get(), at.index());
    reindex();
    tree.applyInitialExpressions(row, true);
    RuleRunner.Changes changes = new RuleRunner.Changes();
    List<Node> added = new ArrayList<>(List.of(row));
    row.collect(added);
    Set<String> linkIds = new LinkedHashSet<>();
    for (Node a : added) {
      linkIds.add(a.linkId());
      Rule enable = form.enableRule(a.linkId());
      if (enable != null) {
        runner.apply(enable, changes);
      }
      Rule calc = form.calcRule(a.linkId());
      if (calc != null) {
        runner.apply(calc, changes);
      }
      for (Rule c : form.constraintRules(a.linkId())) {
        runner.apply(c, changes);
      }
    }
    changes.structure.add(at.withIndex(0));
    restructured(parent, changes);
    runner.propagate(linkIds, changes, true);
    return finish(changes);
  }

  /** Removes a row of a repeating group. */
  public ChangeSet removeRow(ItemPath rowPath) {
    Node row = find(rowPath);
    if (row == null || !isRepeatingGroup(row.item)) {
      return ChangeSet.rejected("form.answer.notARepeatingGroup", rowPath.toString());
    }
    Node parent = row.parent;
    List<Node> removed = new ArrayList<>(List.of(row));
    row.collect(removed);
    parent.children.remove(row);
    reindex();
    RuleRunner.Changes changes = new RuleRunner.Changes();
    changes.structure.add(rowPath.withIndex(0));
    restructured(parent, changes);
    Set<String> linkIds = new LinkedHashSet<>();
    removed.forEach(n -> linkIds.add(n.linkId()));
    runner.propagate(linkIds, changes, true);
    return finish(changes);
  }

  /** Moves a row of a repeating group to another position among its rows. */
  public ChangeSet moveRow(ItemPath rowPath, int newIndex) {
    Node row = find(rowPath);
    if (row == null || !isRepeatingGroup(row.item)) {
      return ChangeSet.rejected("form.answer.notARepeatingGroup", rowPath.toString());
    }
    Node parent = row.parent;
    int rows = rowCount(parent, row.linkId());
    if (newIndex < 0 || newIndex >= rows) {
      return ChangeSet.rejected("form.answer.noSuchItem", rowPath.withIndex(newIndex).toString());
    }
    parent.children.remove(row);
    Node anchor = parent.child(row.linkId(), newIndex);
    int pos =
        anchor != null
            ? parent.children.indexOf(anchor)
            : parent.children.indexOf(parent.child(row.linkId(), newIndex - 1)) + 1;
    parent.children.add(pos, row);
    reindex();
    RuleRunner.Changes changes = new RuleRunner.Changes();
    changes.structure.add(rowPath.withIndex(0));
    restructured(parent, changes);
    List<Node> moved = new ArrayList<>(List.of(row));
    row.collect(moved);
    Set<String> linkIds = new LinkedHashSet<>();
    moved.forEach(n -> linkIds.add(n.linkId()));
    runner.propagate(linkIds, changes, true);
    return finish(changes);
  }

  /** State of one item instance, empty if the path does not exist. */
  public Optional<ItemState> state(ItemPath path) {
    Node n = find(path);
    return n == null ? Optional.empty() : Optional.of(state(n));
  }

  /** Child instances of an item ({@code null}: the top level), in form order, rows included. */
  public List<ItemPath> children(@Nullable ItemPath parent) {
    Node p = parent == null ? root : find(parent);
    if (p == null) {
      return List.of();
    }
    List<ItemPath> out = new ArrayList<>(p.children.size());
    p.children.forEach(c -> out.add(c.path()));
    return out;
  }

  /** Number of rows of the repeating group at {@code anyRow} (its index is ignored). */
  public int rowCount(ItemPath anyRow) {
    Node parent = parentOf(anyRow);
    return parent == null ? 0 : rowCount(parent, anyRow.linkId());
  }

  /** All current issues of enabled items, in form order. */
  public List<ValidationIssue> validateAll() {
    root.computePresence();
    List<Node> all = new ArrayList<>();
    root.collect(all);
    List<ValidationIssue> issues = new ArrayList<>();
    for (Node n : all) {
      revalidate(n);
      issues.addAll(n.issues);
    }
    return issues;
  }

  /** True when no enabled item has an error: the filling may be completed. */
  public boolean isFinalizable() {
    return validateAll().stream().noneMatch(i -> i.severity() == ValidationIssue.Severity.ERROR);
  }

  /** The filling as a value; disabled items and empty items are left out (SDC). */
  public FormResponse toResponse(ResponseStatus status) {
    return new FormResponse(status, responseItems(root), headerJson, questionnaire);
  }

  public String toQuestionnaireResponseJson(ResponseStatus status) {
    return codec.write(toResponse(status));
  }

  private List<ResponseItem> responseItems(Node parent) {
    List<ResponseItem> out = new ArrayList<>();
    for (Node c : parent.children) {
      if (!c.ownEnabled
          || !c.item.type().isQuestion()
              && c.item.type() != uz.dhp.forms.form.definition.ItemType.GROUP) {
        continue;
      }
      List<ResponseItem> kids = responseItems(c);
      if (!c.answers.isEmpty() || !kids.isEmpty()) {
        out.add(
            new ResponseItem(c.linkId(), c.item.type().isQuestion() ? c.answers : List.of(), kids));
      }
    }
    return out;
  }

  private ItemState state(Node n) {
    return new ItemState(
        n.path(),
        n.item,
        n.answers,
        n.enabled(),
        isReadOnly(n),
        n.issues,
        n.item.common().required() && requiredApplies(n));
  }

  private static boolean isReadOnly(Node n) {
    return n.item.common().readOnly() || n.item.common().calculatedExpression() != null;
  }

  private static boolean isRepeatingGroup(FormItem item) {
    return item instanceof FormItem.GroupItem && item.common().repeats();
  }

  private static int rowCount(Node parent, String linkId) {
    int c = 0;
    for (Node n : parent.children) {
      if (n.linkId().equals(linkId)) {
        c++;
      }
    }
    return c;
  }

  private void restructured(Node parent, RuleRunner.Changes changes) {
    parent.syncMirrorChildren(parent == root ? live.getItem() : parent.mirror.getItem());
    List<Node> under = new ArrayList<>();
    parent.collect(under);
    changes.validation.addAll(under);
  }

  private ChangeSet finish(RuleRunner.Changes changes) {
    updatePresence(changes);
    for (Node n : changes.validation) {
      revalidate(n);
    }
    for (Node n : changes.values) {
      revalidate(n);
    }
    return new ChangeSet(
        paths(changes.values),
        paths(changes.enablement),
        paths(changes.validation),
        List.copyOf(changes.structure),
        null);
  }

  private List<ItemPath> paths(Set<Node> nodes) {
    List<ItemPath> out = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      if (n == root) {
        continue;
      }
      if (isAttached(n)) {
        out.add(n.path());
      }
    }
    return out;
  }

  private boolean isAttached(Node n) {
    Node x = n;
    while (x.parent != null) {
      if (!x.parent.children.contains(x)) {
        return false;
      }
      x = x.parent;
    }
    return x == root;
  }

  /**
   * Answers changed: update the presence of the groups above them; where a group became answered
   * (or empty again), its required items start (or stop) counting, so they are revalidated.
   */
  private void updatePresence(RuleRunner.Changes changes) {
    Set<Node> starts = new java.util.LinkedHashSet<>(changes.values);
    starts.addAll(changes.validation);
    Set<Node> seen = new java.util.HashSet<>();
    for (Node start : starts) {
      for (Node n = start; n != null; n = n.parent) {
        if (!seen.add(n)) {
          break;
        }
      }
    }
    // Bottom-up: deeper nodes first, so a parent sees its children's new flags.
    List<Node> ordered = new ArrayList<>(seen);
    ordered.sort(java.util.Comparator.comparingInt(FormSession::depth).reversed());
    List<Node> flipped = new ArrayList<>();
    for (Node n : ordered) {
      boolean now = n.presenceFromChildren();
      if (now != n.present) {
        n.present = now;
        flipped.add(n);
      }
    }
    for (Node g : flipped) {
      if (g != root && g.item instanceof uz.dhp.forms.form.definition.FormItem.GroupItem) {
        List<Node> under = new ArrayList<>();
        g.collect(under);
        changes.validation.addAll(under);
      }
    }
  }

  private static int depth(Node n) {
    int d = 0;
    for (Node x = n.parent; x != null; x = x.parent) {
      d++;
    }
    return d;
  }

  /**
   * False when the item sits in a row of an optional repeating group (a table) and that row has no
   * answer at all: an empty row is absent, so its cells are not required (SDC). Non-repeating
   * groups are structure (a name, an address): their required items always count.
   */
  private boolean requiredApplies(Node n) {
    for (Node g = n.parent; g != null && g != root; g = g.parent) {
      if (g.item.common().repeats() && !g.item.common().required() && !g.present) {
        return false;
      }
    }
    return true;
  }

  private void revalidate(Node n) {
    if (!n.enabled()) {
      n.issues = List.of();
      return;
    }
    ItemPath path = n.path();
    List<ValidationIssue> issues = validator.validate(path, n.item, n.answers);
    if (n.answers.isEmpty() && !issues.isEmpty() && !requiredApplies(n)) {
      issues = issues.stream().filter(i -> !"form.validation.required".equals(i.key())).toList();
    }
    if (!n.failedConstraints.isEmpty()) {
      issues = new ArrayList<>(issues);
      for (TargetConstraint tc : n.failedConstraints.values()) {
        issues.add(
            new ValidationIssue(
                path,
                "form.validation.constraint",
                List.of(tc.human().text()),
                tc.blocking() ? ValidationIssue.Severity.ERROR : ValidationIssue.Severity.WARNING,
                tc.human()));
      }
    }
    n.issues = issues;
  }

  private @Nullable Node find(ItemPath path) {
    Node n = root;
    for (ItemPath.Step s : path.steps()) {
      n = n.child(s.linkId(), s.index());
      if (n == null) {
        return null;
      }
    }
    return n;
  }

  private @Nullable Node parentOf(ItemPath path) {
    if (path.steps().size() == 1) {
      return root;
    }
    return find(new ItemPath(path.steps().subList(0, path.steps().size() - 1)));
  }

  private void reindex() {
    instances.clear();
    List<Node> all = new ArrayList<>();
    root.collect(all);
    for (Node n : all) {
      instances.computeIfAbsent(n.linkId(), k -> new ArrayList<>()).add(n);
    }
  }

  /** Resolves {@code %name} from the item's scope outwards. */
  private final class Variables extends HostServices {
    private @Nullable Base questionnaire;

    @Override
    List<Base> variable(Object scope, String name) {
      String indexedLinkId = IndexedLookup.linkIdOf(name);
      if (indexedLinkId != null) {
        return IndexedLookup.present(instances.getOrDefault(indexedLinkId, List.of()));
      }
      if ("questionnaire".equals(name)) {
        if (questionnaire == null) {
          questionnaire = questionnaireParser.apply(form.definition().questionnaireJson());
        }
        return List.of(questionnaire);
      }
      Node n = (Node) scope;
      var v = form.variable(n == root ? null : n.linkId(), name);
      if (v.isEmpty()) {
        return List.of();
      }
      Node owner = n;
      while (owner != root && !owner.linkId().equals(v.get().ownerLinkId())) {
        owner = owner.parent;
      }
      Base focus = owner == root ? live : owner.mirror;
      return tree.evaluator().evaluate(owner, live, focus, v.get().expression());
    }
  }
}
