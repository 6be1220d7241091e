package uz.dhp.forms.store;

import java.nio.file.Path;

/**
 * What {@link StoreOpener#open} achieved. Message keys are in {@code store*.properties}; tell the
 * user with {@code messages.get(reasonKey(), argument)} where the argument is the one documented on
 * each case.
 */
public sealed interface StoreOpenOutcome {

  /** The existing store (or a new one on first start) is open and checked. */
  record Opened(Store store) implements StoreOpenOutcome {}

  /**
   * The existing file could not be used. It was moved aside (never deleted) together with its
   * {@code -wal}/{@code -shm} files, and a new empty store is open.
   *
   * @param movedAside the old database file's new path; message argument {@code {0}}
   * @param reasonKey {@code store.recovered.*}
   */
  record RecoveredFromCorruption(Store store, Path movedAside, String reasonKey, String detail)
      implements StoreOpenOutcome {}

  /**
   * No store could be opened; nothing was moved or changed. The app cannot keep drafts and must say
   * so.
   *
   * @param reasonKey {@code store.unavailable.*}
   * @param directory the data directory; message argument {@code {0}}
   * @param detail technical detail for the log and a "details" section
   */
  record Unavailable(String reasonKey, Path directory, String detail) implements StoreOpenOutcome {}

  /** Reason keys, for exhaustive handling and tests. */
  final class Reasons {
    public static final String NOT_A_DATABASE = "store.recovered.notADatabase";
    public static final String DAMAGED = "store.recovered.damaged";
    public static final String NEWER_VERSION = "store.recovered.newerVersion";
    public static final String FOREIGN = "store.recovered.foreign";

    public static final String DIRECTORY = "store.unavailable.directory";
    public static final String IN_USE = "store.unavailable.inUse";
    public static final String READ_ONLY = "store.unavailable.readOnly";
    public static final String IO = "store.unavailable.io";
    public static final String DISK_FULL = "store.unavailable.diskFull";
    public static final String SETTINGS = "store.unavailable.settings";
    public static final String MIGRATION = "store.unavailable.migration";
    public static final String MOVE_ASIDE = "store.unavailable.moveAside";

    private Reasons() {}
  }
}
