package uz.dhp.forms.app;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.master.ClinicOrganization;
import uz.dhp.forms.document.master.MasterDataJson;

/**
 * Keeps the clinic master data as one JSON value in the app settings. Calls block (the settings
 * live in the database): run them through the task runner. A stored value that cannot be read is
 * never overwritten silently: loading gives an empty model and says so, and the first save keeps
 * the unreadable text under {@link #UNREADABLE_KEY} before writing the new one.
 */
final class MasterDataStore {

  private static final Logger LOG = LoggerFactory.getLogger(MasterDataStore.class);

  /** The settings key holding the master data JSON. */
  static final String KEY = "masterData.clinic";

  /** Where the last unreadable value is kept when the user saves over it. */
  static final String UNREADABLE_KEY = "masterData.clinic.unreadable";

  /** Key of the clinic's own Organization when none is stored yet. */
  static final String CLINIC_KEY = "clinic";

  private final AppSettings settings;
  private final MasterDataJson json = new MasterDataJson();

  MasterDataStore(AppSettings settings) {
    this.settings = settings;
  }

  /** What was found in the settings. */
  enum Status {
    /** Nothing saved yet. */
    NONE,
    /** Read successfully. */
    STORED,
    /** A value is stored but cannot be read; it is kept until the user saves. */
    UNREADABLE
  }

  /** The master data to show and how it was found. */
  record Loaded(ClinicMasterData data, Status status) {}

  /** Master data with nothing entered yet. */
  static ClinicMasterData empty() {
    return new ClinicMasterData(
        new ClinicOrganization(CLINIC_KEY, "", "", "", ""), List.of(), List.of(), List.of());
  }

  Loaded load() {
    Optional<String> text = settings.get(KEY).filter(s -> !s.isBlank());
    if (text.isEmpty()) {
      return new Loaded(empty(), Status.NONE);
    }
    Optional<ClinicMasterData> data = json.read(text.get());
    if (data.isEmpty()) {
      LOG.warn("Stored clinic master data cannot be read; kept unchanged until saved");
      return new Loaded(empty(), Status.UNREADABLE);
    }
    return new Loaded(data.get(), Status.STORED);
  }

  /**
   * Stores {@code data}; an unreadable value stored before is first copied aside. Throws {@link
   * UserFacingFailure} when the settings cannot be written.
   */
  void save(ClinicMasterData data) {
    Optional<String> before = settings.get(KEY).filter(s -> !s.isBlank());
    if (before.isPresent() && json.read(before.get()).isEmpty()) {
      settings.put(UNREADABLE_KEY, before.get());
    }
    settings.put(KEY, json.write(data));
  }
}
