package uz.dhp.forms.document.pinfl;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Result of checking a typed PINFL; every case carries message keys, never text. */
public sealed interface PinflOutcome {

  /** Sex as decoded from digit 1 (odd = male). */
  enum Sex {
    MALE,
    FEMALE
  }

  /**
   * 14 digits with a correct check digit. Birth date and sex are present only when digits 1–7
   * decode to a real, past date; otherwise {@code warningKeys} says why nothing is pre-filled.
   */
  record Valid(
      String pinfl, Optional<LocalDate> birthDate, Optional<Sex> sex, List<String> warningKeys)
      implements PinflOutcome {
    public Valid {
      warningKeys = List.copyOf(warningKeys);
    }
  }

  /** Not a usable PINFL: wrong length / characters, or the check digit does not match. */
  record Invalid(String messageKey, List<Object> args) implements PinflOutcome {
    public Invalid {
      args = List.copyOf(args);
    }
  }
}
