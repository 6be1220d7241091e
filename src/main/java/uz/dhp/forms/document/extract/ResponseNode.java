package uz.dhp.forms.document.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One item of a QuestionnaireResponse (or the virtual root), with its answers and its children;
 * children nested under answers are flattened into {@link #children()}.
 */
public final class ResponseNode {

  private final String linkId;
  private final ResponseNode parent;
  private final List<JsonNode> answers = new ArrayList<>();
  private final List<ResponseNode> children = new ArrayList<>();

  private ResponseNode(String linkId, ResponseNode parent) {
    this.linkId = linkId;
    this.parent = parent;
  }

  /** The tree of a QuestionnaireResponse in JSON form. */
  public static ResponseNode root(JsonNode response) {
    ResponseNode root = new ResponseNode("", null);
    root.addItems(response.path("item"));
    return root;
  }

  private void addItems(JsonNode items) {
    for (JsonNode it : items) {
      ResponseNode child = new ResponseNode(it.path("linkId").asText(), this);
      for (JsonNode a : it.path("answer")) {
        if (hasValue(a)) {
          child.answers.add(a);
        }
        child.addItems(a.path("item"));
      }
      child.addItems(it.path("item"));
      children.add(child);
    }
  }

  private static boolean hasValue(JsonNode answer) {
    var names = answer.fieldNames();
    while (names.hasNext()) {
      if (names.next().startsWith("value")) {
        return true;
      }
    }
    return false;
  }

  public String linkId() {
    return linkId;
  }

  public Optional<ResponseNode> parent() {
    return Optional.ofNullable(parent);
  }

  public List<JsonNode> answers() {
    return answers;
  }

  public List<ResponseNode> children() {
    return children;
  }

  public boolean isAncestorOrSelfOf(ResponseNode other) {
    for (ResponseNode n = other; n != null; n = n.parent) {
      if (n == this) {
        return true;
      }
    }
    return false;
  }

  /** Every node with {@code linkId} in this subtree, in document order. */
  public List<ResponseNode> descendants(String id) {
    List<ResponseNode> found = new ArrayList<>();
    collect(id, found);
    return found;
  }

  private void collect(String id, List<ResponseNode> found) {
    for (ResponseNode c : children) {
      if (c.linkId.equals(id)) {
        found.add(c);
      }
      c.collect(id, found);
    }
  }

  /**
   * The nodes named {@code id} nearest to this node: in its own subtree first, then in the subtrees
   * of its ancestors, so that a rule inside a repeated group sees its own repetition.
   */
  public List<ResponseNode> nearest(String id) {
    if (linkId.equals(id)) {
      return List.of(this);
    }
    for (ResponseNode n = this; n != null; n = n.parent) {
      List<ResponseNode> found = n.descendants(id);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  /** All answers of the nearest nodes named {@code id}. */
  public List<JsonNode> nearestAnswers(String id) {
    List<JsonNode> all = new ArrayList<>();
    for (ResponseNode n : nearest(id)) {
      all.addAll(n.answers);
    }
    return all;
  }
}
