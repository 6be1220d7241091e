package uz.dhp.forms.document.pinfl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PinflCheckTest {

  private final PinflCheck check =
      new PinflCheck(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void workedExampleOfTheReferenceDecodes() {
    // shared/pinfl.md §3: 3 → male, 1900s; 12-04-90; check digit 5
    var o = (PinflOutcome.Valid) check.check("31204909999995");
    assertThat(o.birthDate()).contains(LocalDate.of(1990, 4, 12));
    assertThat(o.sex()).contains(PinflOutcome.Sex.MALE);
    assertThat(o.warningKeys()).isEmpty();
  }

  @Test
  void femaleNumberAndSeparatorsAreAccepted() {
    var o = (PinflOutcome.Valid) check.check("4140594 9999995".replace(" ", "-"));
    assertThat(o.pinfl()).isEqualTo("41405949999995");
    assertThat(o.birthDate()).contains(LocalDate.of(1994, 5, 14));
    assertThat(o.sex()).contains(PinflOutcome.Sex.FEMALE);
  }

  @Test
  void everySingleDigitTypoIsCaught() {
    String good = "31204909999995";
    for (int pos = 0; pos < 14; pos++) {
      for (char d = '0'; d <= '9'; d++) {
        if (good.charAt(pos) == d) {
          continue;
        }
        String typo = good.substring(0, pos) + d + good.substring(pos + 1);
        assertThat(check.check(typo)).as(typo).isInstanceOf(PinflOutcome.Invalid.class);
      }
    }
  }

  @Test
  void wrongLengthAndLettersAreFormatErrors() {
    assertThat(check.check("3120490999999"))
        .isEqualTo(new PinflOutcome.Invalid("document.pinfl.format", java.util.List.of(13)));
    assertThat(((PinflOutcome.Invalid) check.check("3120490999999A")).messageKey())
        .isEqualTo("document.pinfl.format");
    assertThat(((PinflOutcome.Invalid) check.check(" ")).messageKey())
        .isEqualTo("document.pinfl.empty");
  }

  @Test
  void checksumValidButImpossibleDateWarnsAndDerivesNothing() {
    // the DHP examples' 31234567890123: day 12, month 34 (shared/pinfl.md §7)
    var o = (PinflOutcome.Valid) check.check("31234567890123");
    assertThat(o.birthDate()).isEmpty();
    assertThat(o.sex()).isEmpty();
    assertThat(o.warningKeys()).containsExactly("document.pinfl.noDate");
  }

  @Test
  void futureBirthDateWarns() {
    String s13 = "5010727999999"; // 01-07-27 → 2027-07-01, after the clock
    String pinfl = s13 + PinflCheck.checkDigit(s13 + "0");
    var o = (PinflOutcome.Valid) check.check(pinfl);
    assertThat(o.warningKeys()).containsExactly("document.pinfl.futureDate");
  }

  @Test
  void unknownFirstDigitWarns() {
    String s13 = "7120490999999";
    var o = (PinflOutcome.Valid) check.check(s13 + PinflCheck.checkDigit(s13 + "0"));
    assertThat(o.warningKeys()).containsExactly("document.pinfl.unknownPrefix");
  }

  @Test
  void contradictionWithEnteredDataIsDetected() {
    var v = (PinflOutcome.Valid) check.check("31204909999995");
    assertThat(
            PinflCheck.contradicts(
                v,
                java.util.Optional.of(LocalDate.of(1990, 4, 12)),
                java.util.Optional.of(PinflOutcome.Sex.MALE)))
        .isFalse();
    assertThat(
            PinflCheck.contradicts(
                v, java.util.Optional.of(LocalDate.of(1990, 4, 13)), java.util.Optional.empty()))
        .isTrue();
    assertThat(
            PinflCheck.contradicts(
                v, java.util.Optional.empty(), java.util.Optional.of(PinflOutcome.Sex.FEMALE)))
        .isTrue();
  }
}
