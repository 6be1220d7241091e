package uz.dhp.forms.app;

import java.util.Optional;
import uz.dhp.forms.store.SettingKey;
import uz.dhp.forms.store.SettingsRepository;
import uz.dhp.forms.store.StoreWriteOutcome;

/** Shell settings kept in the store's settings table (an empty value means "not set"). */
final class StoreAppSettings implements AppSettings {

  private final SettingsRepository settings;

  StoreAppSettings(SettingsRepository settings) {
    this.settings = settings;
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(settings.get(SettingKey.string(key, ""))).filter(s -> !s.isEmpty());
  }

  @Override
  public void put(String key, String value) {
    if (settings.set(SettingKey.string(key, ""), value) instanceof StoreWriteOutcome.Failed f) {
      throw new UserFacingFailure(f.failure().reasonKey(), f.failure().detail());
    }
  }
}
