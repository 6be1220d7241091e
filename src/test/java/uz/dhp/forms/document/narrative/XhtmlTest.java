package uz.dhp.forms.document.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class XhtmlTest {

  @Test
  void escapesMarkupAndDropsControlCharacters() {
    assertThat(Xhtml.escape("<script>a&b\"c'd</script>\u0001"))
        .isEqualTo("&lt;script&gt;a&amp;b&quot;c&#39;d&lt;/script&gt;");
  }

  @Test
  void tableIsOneXhtmlDivWithLanguage() {
    String div = Xhtml.table("ru", "Т<1>", List.of(NarrativeRow.of("a", "x\ny", 1)));
    assertThat(div)
        .startsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ru\" xml:lang=\"ru\">")
        .endsWith("</div>")
        .contains("Т&lt;1&gt;")
        .contains("x<br/>y");
  }
}
