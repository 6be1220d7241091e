package uz.dhp.forms.document.pinfl;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a PINFL as described in {@code shared/pinfl.md} §7: exactly 14 digits after stripping
 * spaces and hyphens (error otherwise); check digit = Σ digit(i)·w(i) mod 10 over digits 1–13 with
 * weights 7-3-1 (error if it differs); digit 1 in 1–6 and digits 2–7 a real past date DDMMYY
 * (warning otherwise, nothing derived). Digits 8–13 are never interpreted.
 */
public final class PinflCheck {

  private static final int[] WEIGHTS = {7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7};

  private final Clock clock;

  public PinflCheck(Clock clock) {
    this.clock = clock;
  }

  public PinflOutcome check(String typed) {
    String pinfl = typed == null ? "" : typed.replace(" ", "").replace("-", "");
    if (pinfl.isEmpty()) {
      return new PinflOutcome.Invalid("document.pinfl.empty", List.of());
    }
    if (pinfl.length() != 14 || !pinfl.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return new PinflOutcome.Invalid("document.pinfl.format", List.of(pinfl.length()));
    }
    if (checkDigit(pinfl) != pinfl.charAt(13) - '0') {
      return new PinflOutcome.Invalid("document.pinfl.checkDigit", List.of());
    }
    List<String> warnings = new ArrayList<>();
    int first = pinfl.charAt(0) - '0';
    if (first < 1 || first > 6) {
      warnings.add("document.pinfl.unknownPrefix");
      return new PinflOutcome.Valid(pinfl, Optional.empty(), Optional.empty(), warnings);
    }
    PinflOutcome.Sex sex = first % 2 == 1 ? PinflOutcome.Sex.MALE : PinflOutcome.Sex.FEMALE;
    int century = 1700 + 100 * ((first + 1) / 2);
    Optional<LocalDate> birth = birthDate(pinfl, century);
    if (birth.isEmpty()) {
      warnings.add("document.pinfl.noDate");
      return new PinflOutcome.Valid(pinfl, Optional.empty(), Optional.empty(), warnings);
    }
    if (birth.get().isAfter(LocalDate.now(clock))) {
      warnings.add("document.pinfl.futureDate");
      return new PinflOutcome.Valid(pinfl, Optional.empty(), Optional.empty(), warnings);
    }
    return new PinflOutcome.Valid(pinfl, birth, Optional.of(sex), warnings);
  }

  /**
   * True when a birth date or sex entered elsewhere contradicts what the PINFL encodes (only what
   * it encodes: a PINFL without a decodable date contradicts nothing). shared/pinfl.md §6: the
   * registry may have corrected the date since, so this is a warning, never an error.
   */
  public static boolean contradicts(
      PinflOutcome.Valid pinfl, Optional<LocalDate> birthDate, Optional<PinflOutcome.Sex> sex) {
    boolean date =
        pinfl.birthDate().isPresent()
            && birthDate.isPresent()
            && !pinfl.birthDate().get().equals(birthDate.get());
    boolean s = pinfl.sex().isPresent() && sex.isPresent() && pinfl.sex().get() != sex.get();
    return date || s;
  }

  /** The expected 14th digit for the first 13 digits of {@code digits}. */
  static int checkDigit(String digits) {
    int sum = 0;
    for (int i = 0; i < 13; i++) {
      sum += (digits.charAt(i) - '0') * WEIGHTS[i];
    }
    return sum % 10;
  }

  private static Optional<LocalDate> birthDate(String pinfl, int century) {
    int day = Integer.parseInt(pinfl.substring(1, 3));
    int month = Integer.parseInt(pinfl.substring(3, 5));
    int year = century + Integer.parseInt(pinfl.substring(5, 7));
    try {
      return Optional.of(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
