package uz.dhp.forms.document.master;

import java.util.Objects;

/**
 * Another facility the clinic refers to (referring polyclinic, transfer destination).
 *
 * @param key local key used in answers ({@code Organization/<key>})
 * @param name name
 * @param organizationCode DHP organization code, may be blank
 */
public record PartnerOrganization(String key, String name, String organizationCode) {
  public PartnerOrganization {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    organizationCode = organizationCode == null ? "" : organizationCode;
  }
}
