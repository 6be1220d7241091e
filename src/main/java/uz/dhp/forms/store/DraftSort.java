package uz.dhp.forms.store;

/** Orders of the draft list. Ties are broken by id so that paging is stable. */
public enum DraftSort {
  UPDATED_DESC("updated_at DESC, id DESC"),
  UPDATED_ASC("updated_at ASC, id ASC"),
  CREATED_DESC("created_at DESC, id DESC"),
  CREATED_ASC("created_at ASC, id ASC");

  private final String orderBy;

  DraftSort(String orderBy) {
    this.orderBy = orderBy;
  }

  String orderBy() {
    return orderBy;
  }
}
