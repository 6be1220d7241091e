package uz.dhp.forms.document.master;

import java.util.Objects;

/**
 * A practitioner working in the clinic, in one position: becomes a UZ Core Practitioner (PINFL as
 * nationalId) plus a UZ Core PractitionerRole (position code from position-and-profession-cs, which
 * is 1..1 since UZ Core 0.8.0).
 *
 * @param key local key used in answers ({@code PractitionerRole/<key>})
 * @param pinfl 14-digit PINFL
 * @param family family name
 * @param given given name
 * @param patronymic patronymic, may be blank
 * @param positionCode position-and-profession-cs code, e.g. {@code 2211.6}
 * @param positionDisplay display of the position code
 * @param departmentKey department the role works in, may be blank
 */
public record ClinicPractitioner(
    String key,
    String pinfl,
    String family,
    String given,
    String patronymic,
    String positionCode,
    String positionDisplay,
    String departmentKey) {
  public ClinicPractitioner {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(pinfl, "pinfl");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(positionCode, "positionCode");
    patronymic = patronymic == null ? "" : patronymic;
    positionDisplay = positionDisplay == null ? "" : positionDisplay;
    departmentKey = departmentKey == null ? "" : departmentKey;
  }

  /** "Family Given Patronymic" as written on Uzbek forms. */
  public String fullName() {
    return String.join(" ", family, given, patronymic).trim();
  }
}
