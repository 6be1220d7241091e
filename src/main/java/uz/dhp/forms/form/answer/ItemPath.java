package uz.dhp.forms.form.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * Address of one item instance in a filling: the chain of linkIds from the top with the row index
 * of each (0 for items that do not repeat). Text form: {@code meds[2]/dose[0]}, indices optional
 * when 0 ({@code vitals/weight}).
 */
public record ItemPath(List<Step> steps) {

  public record Step(String linkId, int index) {
    public Step {
      if (index < 0) {
        throw new IllegalArgumentException("negative index " + index);
      }
    }

    @Override
    public String toString() {
      return index == 0 ? linkId : linkId + "[" + index + "]";
    }
  }

  public ItemPath {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("empty path");
    }
  }

  public static ItemPath of(String linkId) {
    return new ItemPath(List.of(new Step(linkId, 0)));
  }

  /** Parses {@code a/b[2]/c}. */
  public static ItemPath parse(String text) {
    List<Step> steps = new ArrayList<>();
    for (String part : text.split("/")) {
      int bracket = part.indexOf('[');
      if (bracket < 0) {
        steps.add(new Step(part, 0));
      } else {
        steps.add(
            new Step(
                part.substring(0, bracket),
                Integer.parseInt(part.substring(bracket + 1, part.length() - 1))));
      }
    }
    return new ItemPath(steps);
  }

  public ItemPath child(String linkId, int index) {
    List<Step> s = new ArrayList<>(steps);
    s.add(new Step(linkId, index));
    return new ItemPath(s);
  }

  public ItemPath child(String linkId) {
    return child(linkId, 0);
  }

  /** The item's own linkId. */
  public String linkId() {
    return steps.get(steps.size() - 1).linkId();
  }

  public int index() {
    return steps.get(steps.size() - 1).index();
  }

  public ItemPath withIndex(int index) {
    List<Step> s = new ArrayList<>(steps);
    s.set(s.size() - 1, new Step(linkId(), index));
    return new ItemPath(s);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Step s : steps) {
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(s);
    }
    return b.toString();
  }
}
