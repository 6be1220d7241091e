package uz.dhp.forms.store;

import java.util.Objects;

/** {@code Bundle.identifier} of a document: system and value, both required (bdl-9). */
public record BundleIdentifier(String system, String value) {

  public BundleIdentifier {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(value, "value");
    if (system.isBlank() || value.isBlank()) {
      throw new IllegalArgumentException("a document identifier needs a system and a value");
    }
  }

  /** The token for searches and {@code If-None-Exist}: {@code system|value}, not URL-encoded. */
  public String token() {
    return system + "|" + value;
  }
}
