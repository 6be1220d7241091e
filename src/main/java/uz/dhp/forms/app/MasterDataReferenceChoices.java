package uz.dhp.forms.app;

import java.util.ArrayList;
import java.util.List;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.master.ClinicOrganization;
import uz.dhp.forms.document.master.ClinicPractitioner;
import uz.dhp.forms.document.master.Department;
import uz.dhp.forms.document.master.PartnerOrganization;
import uz.dhp.forms.form.ui.ReferenceChoices;

/**
 * The clinic master data as choices for the form editor's reference items: the clinic and its
 * partner facilities for {@code Organization}, departments for {@code Location}, practitioners for
 * {@code PractitionerRole}. The references use the master-data keys, which document extraction
 * resolves. Entries without a key or a name are left out.
 */
final class MasterDataReferenceChoices implements ReferenceChoices {

  private final List<Choice> organizations;
  private final List<Choice> locations;
  private final List<Choice> roles;

  MasterDataReferenceChoices(ClinicMasterData data) {
    organizations = new ArrayList<>();
    ClinicOrganization clinic = data.organization();
    add(organizations, "Organization", clinic.key(), clinic.name(), clinic.organizationCode());
    for (PartnerOrganization p : data.partners()) {
      add(organizations, "Organization", p.key(), p.name(), p.organizationCode());
    }
    locations = new ArrayList<>();
    for (Department d : data.departments()) {
      add(locations, "Location", d.key(), d.name(), d.code());
    }
    roles = new ArrayList<>();
    for (ClinicPractitioner p : data.practitioners()) {
      String position = p.positionDisplay().isBlank() ? p.positionCode() : p.positionDisplay();
      String department = data.department(p.departmentKey()).map(Department::name).orElse("");
      String secondary = department.isBlank() ? position : position + ", " + department;
      add(roles, "PractitionerRole", p.key(), p.fullName(), secondary);
    }
  }

  /**
   * The choices from the master data saved in {@code settings} (none when nothing readable is
   * saved). Blocks on the settings: call it off the FX thread, e.g. while a draft is being opened.
   */
  static ReferenceChoices fromSettings(AppSettings settings) {
    return new MasterDataReferenceChoices(new MasterDataStore(settings).load().data());
  }

  private static void add(List<Choice> to, String type, String key, String name, String extra) {
    if (!key.isBlank() && !name.isBlank()) {
      to.add(new Choice(type + "/" + key, name.strip(), extra.strip()));
    }
  }

  @Override
  public List<Choice> forType(String resourceType) {
    return switch (resourceType) {
      case "Organization" -> List.copyOf(organizations);
      case "Location" -> List.copyOf(locations);
      case "PractitionerRole" -> List.copyOf(roles);
      default -> List.of();
    };
  }
}
