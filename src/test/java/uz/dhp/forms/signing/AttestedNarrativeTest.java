package uz.dhp.forms.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The page the practitioner reads before signing: the document's own narrative, in order. */
class AttestedNarrativeTest {

  private static byte[] bundle(String compositionDiv, String sectionTitle, String sectionDiv) {
    return ("""
        {"resourceType":"Bundle","type":"document","entry":[{"resource":{
          "resourceType":"Composition","title":"Form <003>",
          "text":{"status":"generated","div":"%s"},
          "section":[{"title":"%s","text":{"status":"generated","div":"%s"},
            "section":[{"title":"Inner","text":{"status":"generated",
              "div":"<div><p>inner</p></div>"}}]}]}}]}
        """)
        .formatted(compositionDiv, sectionTitle, sectionDiv)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theDocumentsOwnNarrativeIsShownInOrderWithoutRepeatingItsHeadings() {
    String html =
        AttestedNarrative.html(
                bundle(
                    "<div><h1>Form 003</h1></div>", "Admin", "<div><h2>Admin</h2><p>a</p></div>"),
                "uz")
            .orElseThrow();
    assertThat(html).contains("<html lang=\"uz\">");
    assertThat(html.indexOf("<h1>Form 003</h1>")).isLessThan(html.indexOf("<h2>Admin</h2>"));
    assertThat(html.indexOf("<h2>Admin</h2>")).isLessThan(html.indexOf("<p>inner</p>"));
    // The generated narrative has its headings: none is added a second time.
    assertThat(html.split("Admin", -1)).hasSize(2);
    assertThat(html).doesNotContain("Form &lt;003&gt;");
  }

  @Test
  void aSectionWithoutNarrativeGetsItsEscapedTitle() {
    String html = AttestedNarrative.html(bundle("", "<b>Admin</b>", ""), "ru").orElseThrow();
    assertThat(html).contains("<h1>Form &lt;003&gt;</h1>").contains("&lt;b&gt;Admin&lt;/b&gt;");
  }

  @Test
  void bytesThatAreNotADocumentGiveNothing() {
    assertThat(AttestedNarrative.html("not json".getBytes(StandardCharsets.UTF_8), "uz")).isEmpty();
    assertThat(
            AttestedNarrative.html(
                "{\"resourceType\":\"Bundle\"}".getBytes(StandardCharsets.UTF_8), "uz"))
        .isEmpty();
  }
}
