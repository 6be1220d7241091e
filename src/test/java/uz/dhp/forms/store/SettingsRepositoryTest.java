package uz.dhp.forms.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.support.ManualClock;

class SettingsRepositoryTest {

  static final SettingKey<String> LANGUAGE = SettingKey.string("ui.language", "uz");
  static final SettingKey<Integer> WIDTH = SettingKey.integer("window.width", 1280);
  static final SettingKey<Boolean> MAXIMIZED = SettingKey.bool("window.maximized", false);

  @TempDir Path dir;
  final ManualClock clock = new ManualClock();

  @Test
  void defaultsUntilSetThenStoredValuesAcrossRestarts() {
    try (Store store = Stores.open(dir, clock)) {
      SettingsRepository s = store.settings();
      assertThat(s.get(LANGUAGE)).isEqualTo("uz");
      assertThat(s.get(WIDTH)).isEqualTo(1280);
      assertThat(s.get(MAXIMIZED)).isFalse();
      assertThat(s.set(LANGUAGE, "uz-Cyrl")).isInstanceOf(StoreWriteOutcome.Written.class);
      s.set(WIDTH, 1920);
      s.set(MAXIMIZED, true);
      s.set(WIDTH, 1600);
    }
    try (Store store = Stores.open(dir, clock)) {
      SettingsRepository s = store.settings();
      assertThat(s.get(LANGUAGE)).isEqualTo("uz-Cyrl");
      assertThat(s.get(WIDTH)).isEqualTo(1600);
      assertThat(s.get(MAXIMIZED)).isTrue();
      s.reset(WIDTH);
      assertThat(s.get(WIDTH)).isEqualTo(1280);
    }
  }

  @Test
  void aStoredValueOfTheWrongTypeReadsAsTheDefault() throws Exception {
    try (Store store = Stores.open(dir, clock)) {
      store.settings().set(SettingKey.string("window.width", "wide"), "wide");
      store.settings().set(SettingKey.string("window.maximized", "x"), "yes");
      assertThat(store.settings().get(WIDTH)).isEqualTo(1280);
      assertThat(store.settings().get(MAXIMIZED)).isFalse();
      store
          .database()
          .write(
              c -> {
                try (Statement st = c.createStatement()) {
                  return st.executeUpdate(
                      "UPDATE setting SET value = '' WHERE key = 'window.width'");
                }
              });
      assertThat(store.settings().get(WIDTH)).isEqualTo(1280);
    }
  }

  @Test
  void keyNamesAreChecked() {
    assertThatThrownBy(() -> SettingKey.string("Bad Name", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
