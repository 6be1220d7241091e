package uz.dhp.forms.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785 examples (§3.2.2–3.2.4 and Appendix B), written down from the RFC text. */
class JsonCanonicalFormTest {

  private final JsonCanonicalForm jcs = new JsonCanonicalForm();

  private String canon(String json) {
    return new String(jcs.canonicalize(json).orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void rfc8785MainExample() {
    String input =
        "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50,\n"
            + "              2e-3, 0.000000000000000000000000001],\n"
            + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
            + "  \"literals\": [null, true, false]\n}";
    assertThat(canon(input))
        .isEqualTo(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void rfc8785MainExampleUtf8Bytes() {
    // §3.2.4: the output is UTF-8; the euro sign is the three bytes e2 82 ac.
    byte[] out = jcs.canonicalize("{\"string\":\"\\u20ac$\"}").orElseThrow();
    assertThat(out)
        .containsExactly(
            0x7b, 0x22, 0x73, 0x74, 0x72, 0x69, 0x6e, 0x67, 0x22, 0x3a, 0x22, 0xe2, 0x82, 0xac,
            0x24, 0x22, 0x7d);
  }

  @Test
  void rfc8785SortsMembersByUtf16CodeUnits() {
    // §3.2.3: the emoji (surrogate pair d83d de00) sorts before U+FB33 although its code point is
    // larger, because the comparison is on UTF-16 code units.
    String input =
        "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet"
            + " With Dagesh\",\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\","
            + "\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
    assertThat(canon(input))
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small"
                + " Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"\uD83D\uDE00\":\"Emoji:"
                + " Grinning Face\",\"\uFB33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void nestedObjectsAreSortedAndArraysKeepTheirOrder() {
    assertThat(canon("{ \"b\": [3, {\"z\":1, \"a\":2}], \"a\": {\"d\": [], \"c\": {}} }"))
        .isEqualTo("{\"a\":{\"c\":{},\"d\":[]},\"b\":[3,{\"a\":2,\"z\":1}]}");
  }

  @Test
  void controlCharactersAreEscapedInShortOrLowerCaseHexFormAndOthersAreNot() {
    assertThat(canon("[\"\\u0008\\u0009\\u000a\\u000c\\u000d\\u001f\\u007f\\u00e9/\"]"))
        .isEqualTo("[\"\\b\\t\\n\\f\\r\\u001f\u007fé/\"]");
  }

  /** Appendix B: IEEE-754 bit patterns and their ECMAScript serialization. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void appendixBNumbers(String ieeeHex, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
    // The exact decimal expansion parses back to exactly this double.
    String literal = new BigDecimal(value).toString();
    assertThat(canon("[" + literal + "]")).isEqualTo("[" + expected + "]");
  }

  @Test
  void minusZeroSerializesAsZero() {
    assertThat(canon("[-0.0]")).isEqualTo("[0]");
  }

  @Test
  void numbersOutsideDoubleRangeAndLoneSurrogatesAreNotIJson() {
    assertThat(jcs.canonicalize("[1e400]")).isEmpty();
    assertThat(jcs.canonicalize("[\"\\ud800\"]")).isEmpty();
    assertThat(jcs.canonicalize("{\"a\":")).isEmpty();
  }
}
