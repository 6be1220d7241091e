package uz.dhp.forms.app;

import java.util.Optional;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.master.MasterDataJson;

/** Reads the clinic's master data (entered once in the clinic settings) from the settings. */
final class MasterDataSource {

  /**
   * Setting: the clinic master data as JSON ({@link MasterDataJson}), kept by the settings screen.
   */
  static final String KEY = MasterDataStore.KEY;

  private MasterDataSource() {}

  static Optional<ClinicMasterData> read(AppSettings settings) {
    return settings.get(KEY).flatMap(new MasterDataJson()::read);
  }
}
