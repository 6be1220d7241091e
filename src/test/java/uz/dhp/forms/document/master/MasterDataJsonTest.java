package uz.dhp.forms.document.master;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uz.dhp.forms.document.Fixtures;

class MasterDataJsonTest {

  private final MasterDataJson json = new MasterDataJson();

  @Test
  void roundTrips() {
    ClinicMasterData data = Fixtures.clinic();
    String text = json.write(data);
    assertThat(json.read(text)).contains(data);
    assertThat(text).contains("\"taxId\"").contains("Toshkent shahar klinik shifoxonasi");
  }

  @Test
  void malformedTextIsAnEmptyResultNotAnException() {
    assertThat(json.read("{not json")).isEmpty();
    assertThat(json.read("{\"organization\":null}")).isEmpty();
  }

  @Test
  void unknownFieldsFromNewerVersionsAreIgnored() {
    String text = json.write(Fixtures.clinic()).replaceFirst("\\{", "{\"futureField\":1,");
    assertThat(json.read(text)).contains(Fixtures.clinic());
  }
}
