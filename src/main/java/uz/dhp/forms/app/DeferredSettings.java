package uz.dhp.forms.app;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Settings of a store that is still opening; calls (background threads only) wait for it. */
final class DeferredSettings implements AppSettings {

  private final CompletableFuture<AppSettings> store;

  DeferredSettings(CompletableFuture<AppSettings> store) {
    this.store = store;
  }

  @Override
  public Optional<String> get(String key) {
    return store.join().get(key);
  }

  @Override
  public void put(String key, String value) {
    store.join().put(key, value);
  }
}
