package uz.dhp.forms.document.master;

import java.util.Objects;

/**
 * A department / ward of the clinic, sent as a UZ Core Location managed by the clinic.
 *
 * @param key local key used in answers ({@code Location/<key>})
 * @param name display name
 * @param code DHP department code (NamingSystem department-code), may be blank
 */
public record Department(String key, String name, String code) {
  public Department {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    code = code == null ? "" : code;
  }
}
