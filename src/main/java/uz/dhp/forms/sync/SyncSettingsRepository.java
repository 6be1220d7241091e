package uz.dhp.forms.sync;

/**
 * Where {@link SyncSettings} are kept between runs (never the client secret). The app backs it by
 * its settings store through {@link KeyValueSyncSettings}; tests use {@link InMemorySyncSettings}.
 */
public interface SyncSettingsRepository {

  /** The saved settings, or {@link SyncSettings#defaults()} for anything missing or unreadable. */
  SyncSettings load();

  void save(SyncSettings settings);
}
