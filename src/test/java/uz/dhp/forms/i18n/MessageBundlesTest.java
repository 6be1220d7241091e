package uz.dhp.forms.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every key exists in every language, is non-blank, and uses the same placeholders. */
class MessageBundlesTest {

  static final Map<UiLanguage, String> SUFFIX =
      Map.of(
          UiLanguage.EN,
          "",
          UiLanguage.UZ_LATN,
          "_uz",
          UiLanguage.UZ_CYRL,
          "_uz_Cyrl",
          UiLanguage.RU,
          "_ru");

  static Stream<Arguments> bundlesAndLanguages() {
    return Messages.BUNDLES.stream()
        .flatMap(b -> Stream.of(UiLanguage.values()).map(l -> Arguments.of(b, l)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("bundlesAndLanguages")
  void everyKeyIsTranslated(String bundle, UiLanguage language) throws IOException {
    Properties english = read(bundle, "");
    Properties translated = read(bundle, SUFFIX.get(language));

    assertThat(translated.stringPropertyNames())
        .as("keys of %s in %s", bundle, language)
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      String text = translated.getProperty(key);
      assertThat(text).as("%s in %s", key, language).isNotBlank();
      // MessageFormat treats ASCII ' as a quote; Uzbek needs the real letters.
      assertThat(text).as("%s in %s has an ASCII apostrophe", key, language).doesNotContain("'");
      if (language == UiLanguage.UZ_LATN) {
        // One spelling everywhere: oʻ/gʻ with U+02BB and the tutuq belgisi with U+02BC, not
        // the quotation marks ‘ ’ (U+2018/2019) that look alike but break search and sorting.
        assertThat(text)
            .as("%s in %s uses a quotation mark as an Uzbek letter", key, language)
            .doesNotContain("\u2018", "\u2019");
      }
      assertThat(placeholders(text))
          .as("placeholders of %s in %s", key, language)
          .isEqualTo(placeholders(english.getProperty(key)));
    }
  }

  @Test
  void keysAreUniqueAcrossBundles() throws IOException {
    Map<String, String> owner = new HashMap<>();
    for (String bundle : Messages.BUNDLES) {
      for (String key : read(bundle, "").stringPropertyNames()) {
        String previous = owner.put(key, bundle);
        assertThat(previous).as("key %s is in %s and %s", key, previous, bundle).isNull();
      }
    }
  }

  @Test
  void messagesResolveInEachLanguageWithoutFallingBackToTheKey() throws IOException {
    for (UiLanguage language : UiLanguage.values()) {
      Messages messages = new Messages(language);
      for (String bundle : Messages.BUNDLES) {
        for (String key : read(bundle, "").stringPropertyNames()) {
          assertThat(messages.get(key, "a", "b", "c", "d")).doesNotStartWith("!");
        }
      }
    }
    assertThat(new Messages(UiLanguage.EN).get("no.such.key")).isEqualTo("!no.such.key!");
  }

  private static Set<Integer> placeholders(String pattern) {
    Set<Integer> used = new TreeSet<>();
    Object[] probe = new Object[10];
    for (int i = 0; i < probe.length; i++) {
      probe[i] = "\u0001" + i + "\u0002";
    }
    String formatted = new MessageFormat(pattern).format(probe);
    for (int i = 0; i < probe.length; i++) {
      if (formatted.contains("\u0001" + i + "\u0002")) {
        used.add(i);
      }
    }
    return used;
  }

  static Properties read(String bundle, String suffix) throws IOException {
    String path = "/" + bundle.replace('.', '/') + suffix + ".properties";
    try (InputStream in = MessageBundlesTest.class.getResourceAsStream(path)) {
      assertThat(in).as("resource %s", path).isNotNull();
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    }
  }
}
