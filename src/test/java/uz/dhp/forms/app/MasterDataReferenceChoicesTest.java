package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.master.ClinicOrganization;
import uz.dhp.forms.document.master.ClinicPractitioner;
import uz.dhp.forms.document.master.Department;
import uz.dhp.forms.document.master.PartnerOrganization;
import uz.dhp.forms.form.ui.ReferenceChoices.Choice;

class MasterDataReferenceChoicesTest {

  final ClinicMasterData data =
      new ClinicMasterData(
          new ClinicOrganization("clinic", "Sinov klinikasi", "301234567", "", "200001"),
          List.of(new Department("ther", "Terapiya", "D-THER"), new Department("x", " ", "")),
          List.of(
              new ClinicPractitioner(
                  "rasulov",
                  "31204909999995",
                  "Rasulov",
                  "Bahrom",
                  "Ergashevich",
                  "2211.6",
                  "Terapevt",
                  "ther"),
              new ClinicPractitioner(
                  "nurse", "41405949999995", "Karimova", "Nodira", "", "3221.1", "", "")),
          List.of(new PartnerOrganization("poly", "Oilaviy poliklinika", "")));

  final MasterDataReferenceChoices choices = new MasterDataReferenceChoices(data);

  @Test
  void practitionersBecomeRolesWithPositionAndDepartment() {
    assertThat(choices.forType("PractitionerRole"))
        .containsExactly(
            new Choice(
                "PractitionerRole/rasulov", "Rasulov Bahrom Ergashevich", "Terapevt, Terapiya"),
            new Choice("PractitionerRole/nurse", "Karimova Nodira", "3221.1"));
  }

  @Test
  void organizationsAreTheClinicThenItsPartners() {
    assertThat(choices.forType("Organization"))
        .containsExactly(
            new Choice("Organization/clinic", "Sinov klinikasi", "200001"),
            new Choice("Organization/poly", "Oilaviy poliklinika", ""));
  }

  @Test
  void departmentsWithoutANameAreLeftOut() {
    assertThat(choices.forType("Location"))
        .containsExactly(new Choice("Location/ther", "Terapiya", "D-THER"));
  }

  @Test
  void otherTypesAndAnEmptyClinicOfferNothing() {
    assertThat(choices.forType("Patient")).isEmpty();
    MasterDataReferenceChoices none = new MasterDataReferenceChoices(MasterDataStore.empty());
    assertThat(none.forType("Organization")).isEmpty();
    assertThat(none.forType("PractitionerRole")).isEmpty();
  }

  @Test
  void choicesFromSettingsReadTheSavedMasterData() {
    AppSettings settings = new MemorySettings();
    assertThat(MasterDataReferenceChoices.fromSettings(settings).forType("Location")).isEmpty();
    new MasterDataStore(settings).save(data);
    assertThat(MasterDataReferenceChoices.fromSettings(settings).forType("Location"))
        .containsExactly(new Choice("Location/ther", "Terapiya", "D-THER"));
  }
}
