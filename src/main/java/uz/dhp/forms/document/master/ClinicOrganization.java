package uz.dhp.forms.document.master;

import java.util.Objects;

/**
 * The clinic itself (custodian of every document): Uzbek name plus the identifiers DHP knows it by.
 * Blank identifiers are omitted from the FHIR Organization.
 *
 * @param key local key used in questionnaire answers ({@code Organization/<key>})
 * @param name official name in Uzbek (UZ Core Organization.name 1..1)
 * @param taxId soliq tax id (UZ Core slice taxId)
 * @param argosId Argos HRM id (UZ Core slice argosId)
 * @param organizationCode DHP organization code (integrations NamingSystem organization-code)
 */
public record ClinicOrganization(
    String key, String name, String taxId, String argosId, String organizationCode) {
  public ClinicOrganization {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    taxId = taxId == null ? "" : taxId;
    argosId = argosId == null ? "" : argosId;
    organizationCode = organizationCode == null ? "" : organizationCode;
  }
}
