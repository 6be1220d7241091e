package uz.dhp.forms.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncSettingsTest {

  private final Map<String, String> stored = new HashMap<>();
  private final KeyValueSyncSettings repository =
      new KeyValueSyncSettings(k -> Optional.ofNullable(stored.get(k)), stored::put);

  @Test
  void defaultsAreTheSandboxWithConditionalCreateAndNoLogin() {
    SyncSettings d = repository.load();

    assertThat(d).isEqualTo(SyncSettings.defaults());
    assertThat(d.baseUrl()).isEqualTo(ServerConfig.SANDBOX_BASE_URL);
    assertThat(d.serverConfig().strategy()).isEqualTo(SubmissionStrategy.CONDITIONAL_CREATE);
    assertThat(d.usesLogin()).isFalse();
  }

  @Test
  void savedSettingsComeBack() {
    SyncSettings s =
        new SyncSettings(
            SyncSettings.ServerChoice.DHP,
            URI.create("https://fhir.clinic.uz/fhir"),
            URI.create("https://sso.clinic.uz/api"),
            " clinic-7 ",
            SubmissionStrategy.SEARCH_THEN_CREATE);

    repository.save(s);

    SyncSettings back = repository.load();
    assertThat(back).isEqualTo(s);
    assertThat(back.clientId()).isEqualTo("clinic-7");
    assertThat(back.baseUrl()).isEqualTo(URI.create("https://fhir.clinic.uz/fhir"));
    assertThat(back.usesLogin()).isTrue();
  }

  @Test
  void aDamagedValueFallsBackForThatFieldOnly() {
    stored.put(KeyValueSyncSettings.SERVER, "DHP");
    stored.put(KeyValueSyncSettings.DHP_BASE_URL, "not a url");
    stored.put(KeyValueSyncSettings.STRATEGY, "TELEPATHY");
    stored.put(KeyValueSyncSettings.CLIENT_ID, "c1");

    SyncSettings s = repository.load();

    assertThat(s.server()).isEqualTo(SyncSettings.ServerChoice.DHP);
    assertThat(s.dhpBaseUrl()).isEqualTo(SyncSettings.PLAYGROUND_BASE_URL);
    assertThat(s.strategy()).isEqualTo(SubmissionStrategy.CONDITIONAL_CREATE);
    assertThat(s.clientId()).isEqualTo("c1");
  }

  @Test
  void onlyHttpAndHttpsAddressesWithAHostAreAccepted() {
    assertThat(SyncSettings.parseUrl("https://playground.dhp.uz/fhir"))
        .isEqualTo(new SyncSettings.ParsedUrl.Valid(URI.create("https://playground.dhp.uz/fhir")));
    assertThat(SyncSettings.parseUrl("  http://127.0.0.1:8085/fhir "))
        .isInstanceOf(SyncSettings.ParsedUrl.Valid.class);
    for (String bad :
        new String[] {
          "", "playground.dhp.uz/fhir", "ftp://x/fhir", "https:///x", "https://x/fhir?y=1", "a b"
        }) {
      assertThat(SyncSettings.parseUrl(bad))
          .as(bad)
          .isInstanceOf(SyncSettings.ParsedUrl.Invalid.class);
    }
    assertThat(((SyncSettings.ParsedUrl.Invalid) SyncSettings.parseUrl(" ")).reason().key())
        .isEqualTo("sync.settings.url.empty");
  }

  @Test
  void theSecretIsNeverPartOfTheSavedSettings() {
    repository.save(
        new SyncSettings(
            SyncSettings.ServerChoice.DHP,
            SyncSettings.PLAYGROUND_BASE_URL,
            SyncSettings.PLAYGROUND_SSO_URL,
            "c1",
            SubmissionStrategy.CONDITIONAL_CREATE));

    assertThat(stored.keySet())
        .containsExactlyInAnyOrder(
            KeyValueSyncSettings.SERVER,
            KeyValueSyncSettings.DHP_BASE_URL,
            KeyValueSyncSettings.SSO_BASE_URL,
            KeyValueSyncSettings.CLIENT_ID,
            KeyValueSyncSettings.STRATEGY);
  }
}
