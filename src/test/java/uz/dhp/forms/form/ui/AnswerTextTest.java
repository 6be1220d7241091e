package uz.dhp.forms.form.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uz.dhp.forms.form.definition.AnswerValue;

/** Dates, times and numbers as clerks type them. */
class AnswerTextTest {

  @ParameterizedTest
  @CsvSource({
    "05.03.2024, 2024-03-05",
    "5.3.2024, 2024-03-05",
    "05032024, 2024-03-05",
    "2024-03-05, 2024-03-05",
    "05/03/2024, 2024-03-05",
    " 29.02.2024 , 2024-02-29",
    "03.2024, 2024-03",
    "2024, 2024"
  })
  void datesInEveryAcceptedSpelling(String typed, String fhir) {
    assertThat(AnswerText.parseDate(typed)).contains(new AnswerValue.DateValue(fhir));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "31.02.2024",
        "29.02.2023",
        "0503202",
        "050320245",
        "13.2024",
        "5.3.24",
        "abc",
        ""
      })
  void impossibleOrIncompleteDatesAreNotDates(String typed) {
    assertThat(AnswerText.parseDate(typed)).isEmpty();
  }

  @Test
  void datesAreShownAsOnPaper() {
    assertThat(AnswerText.showDate(new AnswerValue.DateValue("2024-03-05")))
        .isEqualTo("05.03.2024");
    assertThat(AnswerText.showDate(new AnswerValue.DateValue("2024-03"))).isEqualTo("03.2024");
  }

  @ParameterizedTest
  @CsvSource({"14:30, 14:30", "1430, 14:30", "9:05, 09:05", "0905, 09:05", "23:59:30, 23:59:30"})
  void times(String typed, String expected) {
    assertThat(AnswerText.parseTime(typed)).contains(LocalTime.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"24:00", "1260", "7", "ab:cd"})
  void notTimes(String typed) {
    assertThat(AnswerText.parseTime(typed)).isEmpty();
  }

  @Test
  void aDateTimeCarriesTheLocalOffsetAndRoundTrips() {
    ZoneId tashkent = ZoneId.of("Asia/Tashkent");
    AnswerValue v =
        AnswerText.dateTime(LocalDate.of(2024, 3, 5), Optional.of(LocalTime.of(14, 30)), tashkent);
    assertThat(v).isEqualTo(new AnswerValue.DateTimeValue("2024-03-05T14:30:00+05:00"));
    assertThat(AnswerText.localDateTime((AnswerValue.DateTimeValue) v, tashkent))
        .contains(java.time.LocalDateTime.of(2024, 3, 5, 14, 30));
    assertThat(AnswerText.dateTime(LocalDate.of(2024, 3, 5), Optional.empty(), tashkent))
        .isEqualTo(new AnswerValue.DateValue("2024-03-05"));
  }

  @ParameterizedTest
  @CsvSource({"70, 70", "70.5, 70.5", "'70,5', 70.5", "-1.25, -1.25", "+3, 3", "',5', 0.5"})
  void decimalsWithCommaOrPoint(String typed, String expected) {
    assertThat(AnswerText.parseDecimal(typed)).contains(new BigDecimal(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"70.", "-", "1.2.3", "7a", ""})
  void notYetOrNotNumbers(String typed) {
    assertThat(AnswerText.parseDecimal(typed)).isEmpty();
  }

  @Test
  void numberPrefixesAreNotReportedWhileTyping() {
    assertThat(AnswerText.isNumberPrefix("-")).isTrue();
    assertThat(AnswerText.isNumberPrefix("12,")).isTrue();
    assertThat(AnswerText.isNumberPrefix("1a")).isFalse();
    assertThat(AnswerText.parseInteger("42")).contains(new AnswerValue.IntegerValue(42));
    assertThat(AnswerText.parseInteger("4.2")).isEmpty();
  }
}
