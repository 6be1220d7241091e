package uz.dhp.forms.app;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Settings for a session without a store: remembered until the window closes. */
final class MemorySettings implements AppSettings {

  private final Map<String, String> values = new ConcurrentHashMap<>();

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  @Override
  public void put(String key, String value) {
    values.put(key, value);
  }
}
