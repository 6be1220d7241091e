package uz.dhp.forms.sync;

/** Settings kept for this session only (tests, a first run without a settings store). */
public final class InMemorySyncSettings implements SyncSettingsRepository {

  private SyncSettings settings;

  public InMemorySyncSettings(SyncSettings initial) {
    this.settings = initial;
  }

  @Override
  public synchronized SyncSettings load() {
    return settings;
  }

  @Override
  public synchronized void save(SyncSettings settings) {
    this.settings = settings;
  }
}
