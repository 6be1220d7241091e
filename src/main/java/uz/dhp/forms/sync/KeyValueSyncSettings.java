package uz.dhp.forms.sync;

import java.net.URI;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * {@link SyncSettings} on any string key/value settings store (the app passes its own {@code get}
 * and {@code put}). Unknown or damaged values fall back to the default of that one field, so a bad
 * entry never stops the app from starting.
 */
public final class KeyValueSyncSettings implements SyncSettingsRepository {

  public static final String SERVER = "sync.server";
  public static final String DHP_BASE_URL = "sync.dhpBaseUrl";
  public static final String SSO_BASE_URL = "sync.ssoBaseUrl";
  public static final String CLIENT_ID = "sync.clientId";
  public static final String STRATEGY = "sync.strategy";

  private final Function<String, Optional<String>> get;
  private final BiConsumer<String, String> put;

  public KeyValueSyncSettings(
      Function<String, Optional<String>> get, BiConsumer<String, String> put) {
    this.get = get;
    this.put = put;
  }

  @Override
  public SyncSettings load() {
    SyncSettings d = SyncSettings.defaults();
    return new SyncSettings(
        get.apply(SERVER)
            .flatMap(v -> parseEnum(SyncSettings.ServerChoice.class, v))
            .orElse(d.server()),
        get.apply(DHP_BASE_URL).flatMap(KeyValueSyncSettings::url).orElse(d.dhpBaseUrl()),
        get.apply(SSO_BASE_URL).flatMap(KeyValueSyncSettings::url).orElse(d.ssoBaseUrl()),
        get.apply(CLIENT_ID).orElse(d.clientId()),
        get.apply(STRATEGY)
            .flatMap(v -> parseEnum(SubmissionStrategy.class, v))
            .orElse(d.strategy()));
  }

  @Override
  public void save(SyncSettings s) {
    put.accept(SERVER, s.server().name());
    put.accept(DHP_BASE_URL, s.dhpBaseUrl().toString());
    put.accept(SSO_BASE_URL, s.ssoBaseUrl().toString());
    put.accept(CLIENT_ID, s.clientId());
    put.accept(STRATEGY, s.strategy().name());
  }

  private static Optional<URI> url(String v) {
    return SyncSettings.parseUrl(v) instanceof SyncSettings.ParsedUrl.Valid ok
        ? Optional.of(ok.uri())
        : Optional.empty();
  }

  private static <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, String v) {
    try {
      return Optional.of(Enum.valueOf(type, v));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
