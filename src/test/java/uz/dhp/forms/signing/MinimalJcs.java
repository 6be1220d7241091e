package uz.dhp.forms.signing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A second, independent RFC 8785 implementation for tests: own JSON parser, own serializer, and
 * ECMAScript number formatting derived by searching the shortest round-tripping precision. Shares
 * no code with the app's canonicalization path.
 */
final class MinimalJcs {

  static final Object NULL = new Object();

  private final String text;
  private int pos;

  private MinimalJcs(String text) {
    this.text = text;
  }

  static Object parse(String json) {
    MinimalJcs p = new MinimalJcs(json);
    Object value = p.value();
    p.skipWhitespace();
    if (p.pos != json.length()) {
      throw new IllegalArgumentException("trailing content");
    }
    return value;
  }

  static byte[] canonicalize(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private Object value() {
    skipWhitespace();
    char c = text.charAt(pos);
    if (c == '{') {
      pos++;
      Map<String, Object> object = new TreeMap<>(); // String order = UTF-16 code unit order
      skipWhitespace();
      if (text.charAt(pos) == '}') {
        pos++;
        return object;
      }
      while (true) {
        skipWhitespace();
        String key = string();
        skipWhitespace();
        expect(':');
        if (object.put(key, value()) != null) {
          throw new IllegalArgumentException("duplicate " + key);
        }
        skipWhitespace();
        if (text.charAt(pos) == ',') {
          pos++;
        } else {
          expect('}');
          return object;
        }
      }
    }
    if (c == '[') {
      pos++;
      List<Object> array = new ArrayList<>();
      skipWhitespace();
      if (text.charAt(pos) == ']') {
        pos++;
        return array;
      }
      while (true) {
        array.add(value());
        skipWhitespace();
        if (text.charAt(pos) == ',') {
          pos++;
        } else {
          expect(']');
          return array;
        }
      }
    }
    if (c == '"') {
      return string();
    }
    if (text.startsWith("true", pos)) {
      pos += 4;
      return Boolean.TRUE;
    }
    if (text.startsWith("false", pos)) {
      pos += 5;
      return Boolean.FALSE;
    }
    if (text.startsWith("null", pos)) {
      pos += 4;
      return NULL;
    }
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    return new BigDecimal(text.substring(start, pos));
  }

  private String string() {
    expect('"');
    StringBuilder s = new StringBuilder();
    while (true) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return s.toString();
      }
      if (c != '\\') {
        s.append(c);
        continue;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'b' -> s.append('\b');
        case 'f' -> s.append('\f');
        case 'n' -> s.append('\n');
        case 'r' -> s.append('\r');
        case 't' -> s.append('\t');
        case 'u' -> {
          s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> s.append(e);
      }
    }
  }

  private void expect(char c) {
    if (text.charAt(pos) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + pos);
    }
    pos++;
  }

  private void skipWhitespace() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  @SuppressWarnings("unchecked")
  private static void write(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (var e : ((Map<String, Object>) map).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(e.getKey(), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof String s) {
      writeString(s, out);
    } else if (value instanceof BigDecimal number) {
      out.append(es6(number.doubleValue()));
    } else if (value == NULL) {
      out.append("null");
    } else {
      out.append(value);
    }
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** ECMAScript Number.prototype.toString for finite doubles. */
  static String es6(double d) {
    if (d == 0) {
      return "0";
    }
    if (d < 0) {
      return "-" + es6(-d);
    }
    String scientific = null;
    for (int precision = 1; precision <= 17; precision++) {
      scientific = String.format(Locale.ROOT, "%." + (precision - 1) + "e", d);
      if (Double.parseDouble(scientific) == d) {
        break;
      }
    }
    int e = scientific.indexOf('e');
    String digits = scientific.substring(0, e).replace(".", "").replaceAll("0+$", "");
    int n = Integer.parseInt(scientific.substring(e + 1)) + 1;
    int k = digits.length();
    if (k <= n && n <= 21) {
      return digits + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return digits.substring(0, n) + "." + digits.substring(n);
    }
    if (-6 < n && n <= 0) {
      return "0." + "0".repeat(-n) + digits;
    }
    String exponent = (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
    return digits.charAt(0) + (k > 1 ? "." + digits.substring(1) : "") + "e" + exponent;
  }
}
