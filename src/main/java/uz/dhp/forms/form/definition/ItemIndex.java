package uz.dhp.forms.form.definition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/** linkId → item, with parent links and form (document) order. Immutable. */
public final class ItemIndex {

  private final Map<String, FormItem> byLinkId;
  private final Map<String, String> parentOf;
  private final Map<String, Integer> order;
  private final List<FormItem> inOrder;

  private ItemIndex(
      Map<String, FormItem> byLinkId, Map<String, String> parentOf, List<FormItem> inOrder) {
    this.byLinkId = Collections.unmodifiableMap(byLinkId);
    this.parentOf = Collections.unmodifiableMap(parentOf);
    this.inOrder = List.copyOf(inOrder);
    Map<String, Integer> o = new HashMap<>();
    for (int i = 0; i < inOrder.size(); i++) {
      o.put(inOrder.get(i).linkId(), i);
    }
    this.order = Collections.unmodifiableMap(o);
  }

  /** Builds the index; linkIds must be unique (the loader checks this first). */
  public static ItemIndex of(List<FormItem> roots) {
    Map<String, FormItem> by = new LinkedHashMap<>();
    Map<String, String> parents = new HashMap<>();
    List<FormItem> ordered = new ArrayList<>();
    walk(roots, null, by, parents, ordered);
    return new ItemIndex(by, parents, ordered);
  }

  private static void walk(
      List<FormItem> items,
      @Nullable String parent,
      Map<String, FormItem> by,
      Map<String, String> parents,
      List<FormItem> ordered) {
    for (FormItem item : items) {
      if (by.putIfAbsent(item.linkId(), item) != null) {
        throw new IllegalArgumentException("duplicate linkId " + item.linkId());
      }
      if (parent != null) {
        parents.put(item.linkId(), parent);
      }
      ordered.add(item);
      walk(item.children(), item.linkId(), by, parents, ordered);
    }
  }

  public FormItem item(String linkId) {
    FormItem item = byLinkId.get(linkId);
    if (item == null) {
      throw new NoSuchElementException("no item " + linkId);
    }
    return item;
  }

  public Optional<FormItem> find(String linkId) {
    return Optional.ofNullable(byLinkId.get(linkId));
  }

  public boolean contains(String linkId) {
    return byLinkId.containsKey(linkId);
  }

  /** The parent item's linkId, empty for top-level items. */
  public Optional<String> parent(String linkId) {
    return Optional.ofNullable(parentOf.get(linkId));
  }

  /** Ancestors from the parent up to the top-level item. */
  public List<String> ancestors(String linkId) {
    List<String> result = new ArrayList<>();
    String p = parentOf.get(linkId);
    while (p != null) {
      result.add(p);
      p = parentOf.get(p);
    }
    return result;
  }

  /** Position in form order (pre-order), 0-based. */
  public int order(String linkId) {
    Integer o = order.get(linkId);
    if (o == null) {
      throw new NoSuchElementException("no item " + linkId);
    }
    return o;
  }

  /** All items, in form order. */
  public List<FormItem> all() {
    return inOrder;
  }

  public int size() {
    return inOrder.size();
  }
}
