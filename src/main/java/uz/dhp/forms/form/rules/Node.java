package uz.dhp.forms.form.rules;

import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hl7.fhir.r5.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import uz.dhp.forms.form.answer.AnswerValues;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.ItemType;
import uz.dhp.forms.form.definition.TargetConstraint;

/**
 * One item instance of a filling (the root has no item). Mutable, confined to its session. Each
 * node mirrors itself into a live QuestionnaireResponse item so that FHIRPath sees the current
 * answers; disabled nodes are detached from that mirror, as SDC requires.
 */
final class Node {

  final @Nullable FormItem item;
  @Nullable Node parent;
  final List<Node> children = new ArrayList<>();
  final QuestionnaireResponseItemComponent mirror = new MirrorItem();
  List<AnswerValue> answers = List.of();
  boolean ownEnabled = true;
  List<ValidationIssue> issues = List.of();

  /**
   * Groups: whether anything below is answered. A required item inside an optional group that has
   * no answer at all is not required (SDC: the group is absent); kept by {@link FormSession}.
   */
  boolean present;

  /** targetConstraints that currently fail, by key (kept by the rule runner). */
  final java.util.Map<String, TargetConstraint> failedConstraints = new java.util.LinkedHashMap<>();

  Node(@Nullable FormItem item, @Nullable Node parent) {
    this.item = item;
    this.parent = parent;
    if (item != null) {
      mirror.setLinkId(item.linkId());
    }
  }

  String linkId() {
    return item == null ? "" : item.linkId();
  }

  boolean enabled() {
    for (Node n = this; n != null; n = n.parent) {
      if (!n.ownEnabled) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when this node's mirror is part of the live response: it and its ancestors are enabled and
   * none is a display item (see {@link #syncMirrorChildren}).
   */
  boolean inMirror() {
    for (Node n = this; n.item != null; n = n.parent) {
      if (!n.ownEnabled || n.item.type() == ItemType.DISPLAY) {
        return false;
      }
    }
    return true;
  }

  /** Answers as the rules see them: none while disabled. */
  List<AnswerValue> effectiveAnswers() {
    return enabled() ? answers : List.of();
  }

  void setAnswers(List<AnswerValue> values) {
    answers = List.copyOf(values);
    mirror.getAnswer().clear();
    for (AnswerValue v : answers) {
      mirror.addAnswer().setValue(AnswerValues.toFhir(v));
    }
  }

  /** Rebuilds the mirror's child list from the enabled, answerable children. */
  void syncMirrorChildren(List<QuestionnaireResponseItemComponent> target) {
    target.clear();
    for (Node c : children) {
      if (c.ownEnabled && c.item != null && c.item.type() != ItemType.DISPLAY) {
        target.add(c.mirror);
      }
    }
  }

  ItemPath path() {
    List<ItemPath.Step> steps = new ArrayList<>();
    for (Node n = this; n.parent != null; n = n.parent) {
      steps.add(0, new ItemPath.Step(n.linkId(), n.rowIndex()));
    }
    return new ItemPath(steps);
  }

  int rowIndex() {
    if (parent == null) {
      return 0;
    }
    int i = 0;
    for (Node s : parent.children) {
      if (s == this) {
        return i;
      }
      if (s.linkId().equals(linkId())) {
        i++;
      }
    }
    return i;
  }

  @Nullable Node child(String linkId, int index) {
    int i = 0;
    for (Node c : children) {
      if (c.linkId().equals(linkId)) {
        if (i == index) {
          return c;
        }
        i++;
      }
    }
    return null;
  }

  boolean isUnder(Node ancestor) {
    for (Node n = parent; n != null; n = n.parent) {
      if (n == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** Recomputes {@link #present} of this node and everything below (post-order). */
  boolean computePresence() {
    boolean any = !answers.isEmpty();
    for (Node c : children) {
      any |= c.computePresence();
    }
    present = any;
    return any;
  }

  /** {@link #present} from the children's current flags and own answers (one level). */
  boolean presenceFromChildren() {
    if (!answers.isEmpty()) {
      return true;
    }
    for (Node c : children) {
      if (c.present) {
        return true;
      }
    }
    return false;
  }

  void collect(List<Node> out) {
    for (Node c : children) {
      out.add(c);
      c.collect(out);
    }
  }
}
