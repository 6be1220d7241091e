package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MasterDataKeysTest {

  @Test
  void keysAreMadeFromLatinOrCyrillicNamesAsValidIds() {
    assertThat(MasterDataKeys.fromName("Terapiya bo‘limi", "d", Set.of()))
        .isEqualTo("terapiya-bolimi");
    assertThat(MasterDataKeys.fromName("Қабул бўлими", "d", Set.of())).isEqualTo("qabul-bolimi");
    assertThat(MasterDataKeys.fromName("Хирургия №2", "d", Set.of())).isEqualTo("xirurgiya-2");
    assertThat(MasterDataKeys.isValid(MasterDataKeys.fromName("Щёлковская", "d", Set.of())))
        .isTrue();
  }

  @Test
  void takenKeysGetASuffixAndNamesWithoutLettersTheFallback() {
    assertThat(MasterDataKeys.fromName("Karimov A", "p", Set.of("karimov-a", "karimov-a-2")))
        .isEqualTo("karimov-a-3");
    assertThat(MasterDataKeys.fromName("—", "department", Set.of())).isEqualTo("department");
  }

  @Test
  void onlyFhirIdCharactersAreValid() {
    assertThat(MasterDataKeys.isValid("dr-karimov.2")).isTrue();
    assertThat(MasterDataKeys.isValid("dr karimov")).isFalse();
    assertThat(MasterDataKeys.isValid("доктор")).isFalse();
    assertThat(MasterDataKeys.isValid("a".repeat(65))).isFalse();
  }
}
