package uz.dhp.forms.store;

/**
 * Why a write did not happen, for the user ({@link #reasonKey}, a message key in {@code
 * store*.properties}) and for the log ({@link #detail}, technical, never patient data).
 */
public record StoreFailure(String reasonKey, String detail) {

  /** The disk is full; nothing was written. */
  public static final String DISK_FULL = "store.save.diskFull";

  /** The database stayed locked by another program longer than the busy timeout. */
  public static final String BUSY = "store.save.busy";

  /** The database file or its directory became read-only. */
  public static final String READ_ONLY = "store.save.readOnly";

  /** Any other storage error (I/O error, damaged file). */
  public static final String FAILED = "store.save.failed";
}
