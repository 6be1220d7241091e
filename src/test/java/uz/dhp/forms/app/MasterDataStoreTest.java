package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.master.ClinicOrganization;
import uz.dhp.forms.document.master.ClinicPractitioner;
import uz.dhp.forms.document.master.Department;
import uz.dhp.forms.document.master.PartnerOrganization;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.StoreOpenOutcome;
import uz.dhp.forms.store.StoreOpener;

/** Master data kept in the real settings table of a SQLite store in a temp directory. */
class MasterDataStoreTest {

  @TempDir Path dir;
  Store store;
  AppSettings settings;

  @BeforeEach
  void open() {
    store = ((StoreOpenOutcome.Opened) new StoreOpener(Clock.systemUTC()).open(dir)).store();
    settings = new StoreAppSettings(store.settings());
  }

  @AfterEach
  void close() {
    store.close();
  }

  static ClinicMasterData sample() {
    return new ClinicMasterData(
        new ClinicOrganization("clinic", "Sinov klinikasi", "301234567", "A-77", "200001"),
        List.of(new Department("ther", "Terapiya bo‘limi", "D-THER")),
        List.of(
            new ClinicPractitioner(
                "rasulov",
                "31204909999995",
                "Rasulov",
                "Bahrom",
                "",
                "2211.6",
                "Terapevt",
                "ther")),
        List.of(new PartnerOrganization("poly", "Oilaviy poliklinika", "200935")));
  }

  @Test
  void nothingStoredGivesAnEmptyModel() {
    MasterDataStore.Loaded l = new MasterDataStore(settings).load();
    assertThat(l.status()).isEqualTo(MasterDataStore.Status.NONE);
    assertThat(l.data()).isEqualTo(MasterDataStore.empty());
  }

  @Test
  void savedDataIsReadBackEqualAfterReopeningTheStore() {
    new MasterDataStore(settings).save(sample());
    store.close();
    open();
    MasterDataStore.Loaded l = new MasterDataStore(settings).load();
    assertThat(l.status()).isEqualTo(MasterDataStore.Status.STORED);
    assertThat(l.data()).isEqualTo(sample());
  }

  @Test
  void unreadableTextGivesAnEmptyModelWithAWarningAndStaysUntilSaved() {
    String broken = "{\"organization\": {\"key\": \"clinic\", \"name\": \"Eski";
    settings.put(MasterDataStore.KEY, broken);
    MasterDataStore md = new MasterDataStore(settings);

    MasterDataStore.Loaded l = md.load();
    assertThat(l.status()).isEqualTo(MasterDataStore.Status.UNREADABLE);
    assertThat(l.data()).isEqualTo(MasterDataStore.empty());
    md.load();
    assertThat(settings.get(MasterDataStore.KEY)).contains(broken);
    assertThat(settings.get(MasterDataStore.UNREADABLE_KEY)).isEmpty();

    md.save(sample());
    assertThat(md.load().data()).isEqualTo(sample());
    assertThat(settings.get(MasterDataStore.UNREADABLE_KEY)).contains(broken);
  }

  @Test
  void savingOverReadableDataKeepsNoBackup() {
    MasterDataStore md = new MasterDataStore(settings);
    md.save(sample());
    md.save(MasterDataStore.empty());
    assertThat(md.load().data()).isEqualTo(MasterDataStore.empty());
    assertThat(settings.get(MasterDataStore.UNREADABLE_KEY)).isEmpty();
  }
}
