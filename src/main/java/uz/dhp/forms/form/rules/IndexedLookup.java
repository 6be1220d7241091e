package uz.dhp.forms.form.rules;

import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hl7.fhir.r5.fhirpath.ExpressionNode;
import org.hl7.fhir.r5.fhirpath.FHIRPathUtilityClasses.FHIRConstant;
import org.hl7.fhir.r5.model.Base;
import org.hl7.fhir.r5.model.StringType;

/**
 * Rewrites the SDC idiom {@code %resource.repeat(item).where(linkId = 'x')} into a lookup of the
 * session's linkId index, leaving everything after it to the HL7 engine. The idiom walks the whole
 * response (and {@code repeat()} compares every found item with every other), which on a 700-item
 * form costs ~0.3 ms per evaluation; the lookup returns the same items in the same order.
 *
 * <p>Why the results are identical: linkIds are unique in a Questionnaire, so every instance of
 * {@code x} sits at the same depth of the response, and {@code repeat()}'s level-by-level order
 * restricted to one depth is document order — the order of the session's index. The index yields
 * only instances present in the live response (enabled, not display), as the walk would find.
 * Nothing else is rewritten; differential tests compare both paths on random fillings.
 */
final class IndexedLookup {

  /** Constant name resolved by the host services; not a valid FHIRPath identifier on purpose. */
  static final String PREFIX = "dhp:linkId:";

  private IndexedLookup() {}

  /** The linkId of an index constant name (without {@code %}), or null if it is not one. */
  static @Nullable String linkIdOf(String constantName) {
    return constantName.startsWith(PREFIX) ? constantName.substring(PREFIX.length()) : null;
  }

  /**
   * Mirrors of those of {@code instances} (one linkId's nodes, in document order) that the live
   * response holds: what {@code %resource.repeat(item).where(linkId = …)} finds.
   */
  static List<Base> present(List<Node> instances) {
    List<Base> out = new ArrayList<>(instances.size());
    for (Node n : instances) {
      if (n.inMirror()) {
        out.add(n.mirror);
      }
    }
    return out;
  }

  /**
   * A copy of {@code n} with every occurrence of the idiom replaced; {@code n} itself if there is
   * none. The original is never modified (it is shared by all sessions of the form).
   */
  static @Nullable ExpressionNode rewrite(@Nullable ExpressionNode n) {
    if (n == null) {
      return null;
    }
    String linkId = idiomLinkId(n);
    if (linkId != null) {
      ExpressionNode where = n.getInner().getInner();
      ExpressionNode c = copy(n);
      c.setKind(ExpressionNode.Kind.Constant);
      c.setName(null);
      c.setConstant(new FHIRConstant("%" + PREFIX + linkId));
      c.setInner(rewrite(where.getInner()));
      c.setOpNext(rewrite(n.getOpNext()));
      return c;
    }
    ExpressionNode inner = rewrite(n.getInner());
    ExpressionNode group = rewrite(n.getGroup());
    ExpressionNode opNext = rewrite(n.getOpNext());
    List<ExpressionNode> params = new ArrayList<>();
    boolean changed = inner != n.getInner() || group != n.getGroup() || opNext != n.getOpNext();
    if (n.getParameters() != null) {
      for (ExpressionNode p : n.getParameters()) {
        ExpressionNode r = rewrite(p);
        changed |= r != p;
        params.add(r);
      }
    }
    if (!changed) {
      return n;
    }
    ExpressionNode c = copy(n);
    c.setInner(inner);
    c.setGroup(group);
    c.setOpNext(opNext);
    if (c.getParameters() != null) {
      c.getParameters().clear();
      c.getParameters().addAll(params);
    }
    return c;
  }

  /** The linkId if {@code n} starts with {@code %resource.repeat(item).where(linkId = '…')}. */
  private static @Nullable String idiomLinkId(ExpressionNode n) {
    if (n.getKind() != ExpressionNode.Kind.Constant
        || !(n.getConstant() instanceof FHIRConstant fc)
        || !"%resource".equals(fc.getValue())) {
      return null;
    }
    ExpressionNode repeat = n.getInner();
    if (!isFunction(repeat, ExpressionNode.Function.Repeat)
        || !isBareName(repeat.getParameters().get(0), "item")) {
      return null;
    }
    ExpressionNode where = repeat.getInner();
    if (!isFunction(where, ExpressionNode.Function.Where)) {
      return null;
    }
    return linkIdEquals(where.getParameters().get(0));
  }

  private static boolean isFunction(@Nullable ExpressionNode n, ExpressionNode.Function f) {
    return n != null
        && n.getKind() == ExpressionNode.Kind.Function
        && n.getFunction() == f
        && n.getParameters().size() == 1
        && n.getOperation() == null
        && n.getOpNext() == null;
  }

  private static boolean isBareName(ExpressionNode n, String name) {
    return n.getKind() == ExpressionNode.Kind.Name
        && name.equals(n.getName())
        && n.getInner() == null
        && n.getOperation() == null
        && n.getOpNext() == null;
  }

  /** {@code linkId = 'x'} exactly (not {@code ~}, which ignores case). */
  private static @Nullable String linkIdEquals(ExpressionNode p) {
    if (!isBareNameWithEquals(p) || p.getOpNext().getOperation() != null) {
      return null;
    }
    ExpressionNode value = p.getOpNext();
    if (value.getKind() == ExpressionNode.Kind.Constant
        && value.getInner() == null
        && value.getConstant() instanceof StringType s
        && s.getValue() != null) {
      return s.getValue();
    }
    return null;
  }

  private static boolean isBareNameWithEquals(ExpressionNode p) {
    return p.getKind() == ExpressionNode.Kind.Name
        && "linkId".equals(p.getName())
        && p.getInner() == null
        && p.getOperation() == ExpressionNode.Operation.Equals
        && p.getOpNext() != null;
  }

  private static ExpressionNode copy(ExpressionNode n) {
    ExpressionNode c = new ExpressionNode(Integer.parseInt(n.getUniqueId()));
    c.setKind(n.getKind());
    c.setName(n.getName());
    c.setConstant(n.getConstant());
    if (n.getFunction() != null) {
      c.setFunction(n.getFunction()); // also creates the parameter list
    }
    c.setProximal(n.isProximal());
    c.setOperation(n.getOperation());
    c.setInner(n.getInner());
    c.setGroup(n.getGroup());
    c.setOpNext(n.getOpNext());
    if (n.getParameters() != null && c.getParameters() != null) {
      c.getParameters().addAll(n.getParameters());
    }
    c.setStart(n.getStart());
    c.setEnd(n.getEnd());
    c.setOpStart(n.getOpStart());
    c.setOpEnd(n.getOpEnd());
    c.setTypes(n.getTypes());
    c.setOpTypes(n.getOpTypes());
    return c;
  }
}
