package uz.dhp.forms.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigningMessageParserTest {

  private final SigningMessageParser parser = new SigningMessageParser();
  private final SigningRequest request =
      new SigningRequest("doc-1", "h".repeat(43), "S256", "31204901234560", "uz");

  @Test
  void signedCancelledAndErrorAreRecognised() {
    assertThat(
            parser.parse(
                "{\"status\":\"signed\",\"jws\":\"a..b\",\"x5c\":[\"MII\"],\"documentId\":\"doc-1\"}",
                request))
        .isEqualTo(new SigningResponse.Signed("a..b", Optional.of(List.of("MII"))));
    assertThat(parser.parse("{\"status\":\"signed\",\"jws\":\"a..b\"}", request))
        .isEqualTo(new SigningResponse.Signed("a..b", Optional.empty()));
    assertThat(parser.parse("{\"status\":\"cancelled\"}", request))
        .isEqualTo(new SigningResponse.Cancelled());
    assertThat(parser.parse("{\"status\":\"error\",\"error\":\"oneid-timeout\"}", request))
        .isEqualTo(new SigningResponse.SignerFailed("oneid-timeout"));
    assertThat(parser.parse("{\"status\":\"error\"}", request))
        .isEqualTo(new SigningResponse.SignerFailed("unspecified"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "\"signed\"",
        "{}",
        "{\"status\":\"signed\"}",
        "{\"status\":\"signed\",\"jws\":5}",
        "{\"status\":\"signed\",\"jws\":\"a..b\",\"x5c\":\"MII\"}",
        "{\"status\":\"signed\",\"jws\":\"a..b\",\"x5c\":[]}",
        "{\"status\":\"signed\",\"jws\":\"a..b\",\"x5c\":[1]}",
        "{\"status\":\"signed\",\"jws\":\"a..b\",\"extra\":1}",
        "{\"status\":\"signed\",\"jws\":\"a..b\",\"error\":\"x\"}",
        "{\"status\":\"SIGNED\",\"jws\":\"a..b\"}",
        "{\"status\":\"cancelled\",\"jws\":\"a..b\"}",
        "{\"status\":\"error\",\"error\":\"<script>\"}",
        "{\"status\":1}",
        "{\"status\":\"signed\",\"status\":\"cancelled\",\"jws\":\"a..b\"}",
        "{\"status\":\"cancelled\"} trailing"
      })
  void malformedMessagesAreRejectedValues(String data) {
    assertThat(parser.parse(data, request))
        .isEqualTo(new SigningResponse.Malformed("signing.message.malformed"));
  }

  @Test
  void anAnswerForAnotherDocumentIsRejected() {
    assertThat(
            parser.parse(
                "{\"status\":\"signed\",\"jws\":\"a..b\",\"documentId\":\"doc-2\"}", request))
        .isEqualTo(new SigningResponse.Malformed("signing.message.otherDocument"));
    assertThat(parser.parse("{\"status\":\"cancelled\",\"documentId\":7}", request))
        .isEqualTo(new SigningResponse.Malformed("signing.message.otherDocument"));
  }

  @Test
  void oversizedMessagesAreRejectedWithoutParsing() {
    String huge =
        "{\"status\":\"signed\",\"jws\":\""
            + "a".repeat(SigningMessageParser.MAX_MESSAGE_LENGTH)
            + "\"}";
    assertThat(parser.parse(huge, request)).isInstanceOf(SigningResponse.Malformed.class);
    assertThat(parser.parse(null, request)).isInstanceOf(SigningResponse.Malformed.class);
  }

  @Test
  void originsOfSigningUrls() {
    assertThat(IframeSigningAdapter.originOf(java.net.URI.create("https://sign.dhp.uz/iframe?x=1")))
        .contains("https://sign.dhp.uz");
    assertThat(IframeSigningAdapter.originOf(java.net.URI.create("https://sign.dhp.uz:443/i")))
        .contains("https://sign.dhp.uz");
    assertThat(IframeSigningAdapter.originOf(java.net.URI.create("HTTPS://Sign.DHP.uz:8443/i")))
        .contains("https://sign.dhp.uz:8443");
    assertThat(IframeSigningAdapter.originOf(java.net.URI.create("http://127.0.0.1:5000/s")))
        .contains("http://127.0.0.1:5000");
    assertThat(IframeSigningAdapter.originOf(java.net.URI.create("http://sign.dhp.uz/i")))
        .isEmpty();
    assertThat(IframeSigningAdapter.originOf(java.net.URI.create("file:///tmp/x.html"))).isEmpty();
    assertThat(IframeSigningAdapter.originOf(java.net.URI.create("javascript:alert(1)"))).isEmpty();
  }
}
