package uz.dhp.forms.app;

import java.util.Optional;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.master.MasterDataJson;

/** Reads the clinic's master data (entered once in the clinic settings) from the settings. */
final class MasterDataSource {

  /** Setting: the clinic master data as JSON ({@link MasterDataJson}). */
  static final String KEY = "clinic.masterData";

  private MasterDataSource() {}

  static Optional<ClinicMasterData> read(AppSettings settings) {
    return settings.get(KEY).flatMap(new MasterDataJson()::read);
  }
}
