package uz.dhp.forms.store;

import java.util.Set;

/**
 * What the draft list shows.
 *
 * @param text searched (case-insensitively, Latin and Cyrillic) as a substring of the patient name,
 *     the PINFL and the form id; blank shows all
 * @param statuses only drafts in these statuses; empty means any status
 * @param includeDeleted also soft-deleted drafts (the "trash" view)
 * @param limit page size, 1..10 000
 * @param offset rows to skip, for paging
 */
public record DraftQuery(
    String text,
    Set<DraftStatus> statuses,
    DraftSort sort,
    boolean includeDeleted,
    int limit,
    int offset) {

  public static final int MAX_LIMIT = 10_000;

  public DraftQuery {
    text = text == null ? "" : text;
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    if (sort == null) {
      throw new IllegalArgumentException("sort is required");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
  }

  /** Live drafts, most recently updated first, first 200. */
  public static DraftQuery recent() {
    return new DraftQuery("", Set.of(), DraftSort.UPDATED_DESC, false, 200, 0);
  }

  public DraftQuery withText(String newText) {
    return new DraftQuery(newText, statuses, sort, includeDeleted, limit, offset);
  }

  public DraftQuery withSort(DraftSort newSort) {
    return new DraftQuery(text, statuses, newSort, includeDeleted, limit, offset);
  }

  public DraftQuery withStatuses(Set<DraftStatus> newStatuses) {
    return new DraftQuery(text, newStatuses, sort, includeDeleted, limit, offset);
  }

  public DraftQuery withDeleted(boolean include) {
    return new DraftQuery(text, statuses, sort, include, limit, offset);
  }

  public DraftQuery withPage(int newLimit, int newOffset) {
    return new DraftQuery(text, statuses, sort, includeDeleted, newLimit, newOffset);
  }
}
