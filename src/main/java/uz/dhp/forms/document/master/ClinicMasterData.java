package uz.dhp.forms.document.master;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about the clinic that documents need and that is entered once in settings rather than
 * in each form: the clinic, its departments, its practitioners and the partner facilities that
 * forms pick from lists.
 */
public record ClinicMasterData(
    ClinicOrganization organization,
    List<Department> departments,
    List<ClinicPractitioner> practitioners,
    List<PartnerOrganization> partners) {
  public ClinicMasterData {
    Objects.requireNonNull(organization, "organization");
    departments = List.copyOf(departments);
    practitioners = List.copyOf(practitioners);
    partners = List.copyOf(partners);
  }

  public Optional<ClinicPractitioner> practitioner(String key) {
    return practitioners.stream().filter(p -> p.key().equals(key)).findFirst();
  }

  public Optional<Department> department(String key) {
    return departments.stream().filter(d -> d.key().equals(key)).findFirst();
  }

  public Optional<PartnerOrganization> partner(String key) {
    return partners.stream().filter(p -> p.key().equals(key)).findFirst();
  }
}
