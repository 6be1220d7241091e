package uz.dhp.forms.form.ui;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uz.dhp.forms.form.definition.AnswerValue;

/**
 * Text as clerks type it ↔ answer values. Dates are typed as on paper: {@code 05.03.2024}, or
 * without separators {@code 05032024}, or ISO {@code 2024-03-05}; partial dates {@code 03.2024} and
 * {@code 2024}. Times {@code 14:30} or {@code 1430}. Numbers accept a comma as decimal separator.
 * Pure: no JavaFX, so it is tested directly.
 */
final class AnswerText {

  private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})");
  private static final Pattern PACKED = Pattern.compile("(\\d{2})(\\d{2})(\\d{4})");
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("(\\d{1,2})[./](\\d{4})");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):?(\\d{2})(?::(\\d{2}))?");
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+([.,]\\d*)?|[.,]\\d+)");
  private static final DateTimeFormatter SHOW_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter SHOW_TIME = DateTimeFormatter.ofPattern("HH:mm");

  private AnswerText() {}

  /** A full date in any accepted spelling. */
  static Optional<LocalDate> parseLocalDate(String text) {
    String t = text.strip();
    for (Pattern p : new Pattern[] {DOTTED, PACKED}) {
      Matcher m = p.matcher(t);
      if (m.matches()) {
        return date(m.group(3), m.group(2), m.group(1));
      }
    }
    Matcher iso = ISO.matcher(t);
    if (iso.matches()) {
      return date(iso.group(1), iso.group(2), iso.group(3));
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> date(String y, String m, String d) {
    try {
      return Optional.of(
          LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** A FHIR date, full or partial (month, year). */
  static Optional<AnswerValue> parseDate(String text) {
    Optional<LocalDate> full = parseLocalDate(text);
    if (full.isPresent()) {
      return Optional.of(AnswerValue.DateValue.of(full.get()));
    }
    String t = text.strip();
    Matcher month = MONTH.matcher(t);
    if (month.matches()) {
      int m = Integer.parseInt(month.group(1));
      if (m >= 1 && m <= 12) {
        return Optional.of(new AnswerValue.DateValue(String.format("%s-%02d", month.group(2), m)));
      }
      return Optional.empty();
    }
    if (YEAR.matcher(t).matches() && !t.startsWith("0")) {
      return Optional.of(new AnswerValue.DateValue(t));
    }
    return Optional.empty();
  }

  static String showDate(AnswerValue.DateValue d) {
    String v = d.value();
    return switch (v.length()) {
      case 10 -> LocalDate.parse(v).format(SHOW_DATE);
      case 7 -> v.substring(5, 7) + "." + v.substring(0, 4);
      default -> v;
    };
  }

  static Optional<LocalTime> parseTime(String text) {
    Matcher m = TIME.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      int s = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      return Optional.of(
          LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), s));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  static String showTime(LocalTime t) {
    return t.getSecond() == 0 ? t.format(SHOW_TIME) : t.toString();
  }

  /**
   * A dateTime from a date and an optional time of day; with a time the zone offset of {@code zone}
   * on that day is added (FHIR requires one).
   */
  static AnswerValue dateTime(LocalDate date, Optional<LocalTime> time, ZoneId zone) {
    if (time.isEmpty()) {
      return AnswerValue.DateValue.of(date);
    }
    OffsetDateTime odt = LocalDateTime.of(date, time.get()).atZone(zone).toOffsetDateTime();
    return new AnswerValue.DateTimeValue(
        odt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replace("+00:00", "Z"));
  }

  /** Date and time of a dateTime answer in {@code zone}; partial values give a date only. */
  static Optional<LocalDateTime> localDateTime(AnswerValue.DateTimeValue v, ZoneId zone) {
    String s = v.value();
    if (s.length() <= 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(s).atZoneSameInstant(zone).toLocalDateTime());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  static Optional<AnswerValue> parseInteger(String text) {
    String t = text.strip();
    if (!INTEGER.matcher(t).matches()) {
      return Optional.empty();
    }
    return Optional.of(new AnswerValue.IntegerValue(Long.parseLong(t)));
  }

  static Optional<BigDecimal> parseDecimal(String text) {
    String t = text.strip();
    if (!DECIMAL.matcher(t).matches() || t.endsWith(".") || t.endsWith(",")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(t.replace(',', '.').replace("+", "")));
  }

  /** True while the text may still become a number (e.g. "-" or "12,"): no error yet. */
  static boolean isNumberPrefix(String text) {
    return text.strip().matches("[-+]?(\\d+[.,]?)?");
  }

  static String showNumber(AnswerValue v) {
    if (v instanceof AnswerValue.IntegerValue i) {
      return Long.toString(i.value());
    }
    if (v instanceof AnswerValue.DecimalValue d) {
      return d.value().toPlainString();
    }
    return "";
  }

  /** Digits after the separator in what is typed (for maxDecimalPlaces as you type). */
  static int typedDecimals(String text) {
    int sep = Math.max(text.indexOf('.'), text.indexOf(','));
    return sep < 0 ? 0 : text.length() - sep - 1;
  }
}
