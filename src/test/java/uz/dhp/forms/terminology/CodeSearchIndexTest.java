package uz.dhp.forms.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeSearchIndexTest {

  static final List<Concept> CODES =
      List.of(
          new Concept(
              "icd",
              "J18.9",
              "Pneumonia, unspecified",
              Map.of("ru", "Пневмония неуточнённая", "uz", "Zotiljam, aniqlanmagan")),
          new Concept(
              "icd",
              "J18.0",
              "Bronchopneumonia",
              Map.of("ru", "Бронхопневмония", "uz", "Bronxopnevmoniya")),
          new Concept(
              "icd",
              "I10",
              "Essential hypertension",
              Map.of("ru", "Эссенциальная гипертензия", "uz", "Birlamchi gipertenziya")),
          new Concept(
              "icd",
              "K70",
              "Alcoholic liver disease",
              Map.of("ru", "Алкогольная болезнь печени", "uz", "Jigarning alkogolli kasalligi")),
          new Concept(
              "icd",
              "O80",
              "Single spontaneous delivery",
              Map.of("ru", "Роды одноплодные", "uz", "O‘z-o‘zidan tug‘ruq")));

  @Test
  void codePrefixRanksFirstThenDisplayPrefixThenWords() {
    CodeSearchIndex ru = CodeSearchIndex.build(CODES, "ru");
    assertThat(ru.search("j18", 10)).extracting(Concept::code).containsExactly("J18.9", "J18.0");
    assertThat(ru.search("пнев", 10)).extracting(Concept::code).containsExactly("J18.9");
    assertThat(ru.search("ПЕЧ болез", 10)).extracting(Concept::code).containsExactly("K70");
    assertThat(ru.search("бронхо", 10)).extracting(Concept::code).containsExactly("J18.0");
  }

  @Test
  void uzbekMatchesAcrossScriptsAndApostrophes() {
    CodeSearchIndex uz = CodeSearchIndex.build(CODES, "uz");
    assertThat(uz.search("тугруқ", 10)).extracting(Concept::code).containsExactly("O80");
    assertThat(uz.search("o'z", 10)).extracting(Concept::code).containsExactly("O80");
    assertThat(uz.search("гипер", 10)).extracting(Concept::code).containsExactly("I10");
    assertThat(uz.search("zzz", 10)).isEmpty();
    assertThat(uz.search("", 2)).hasSize(2);
    assertThat(uz.search("i", 1)).hasSize(1);
  }
}
