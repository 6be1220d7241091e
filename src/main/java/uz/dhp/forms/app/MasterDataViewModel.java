package uz.dhp.forms.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.app.MasterDataRows.DepartmentRow;
import uz.dhp.forms.app.MasterDataRows.Note;
import uz.dhp.forms.app.MasterDataRows.PartnerRow;
import uz.dhp.forms.app.MasterDataRows.PractitionerRow;
import uz.dhp.forms.app.MasterDataRows.Row;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.master.ClinicOrganization;
import uz.dhp.forms.document.master.ClinicPractitioner;
import uz.dhp.forms.document.master.Department;
import uz.dhp.forms.document.master.PartnerOrganization;
import uz.dhp.forms.document.pinfl.PinflCheck;
import uz.dhp.forms.terminology.Concept;
import uz.dhp.forms.terminology.TerminologySource;
import uz.dhp.forms.terminology.ValueSetExpansion;
import uz.dhp.forms.ui.TaskRunner;

/**
 * State and actions of the clinic master-data screen: the clinic, its departments, practitioners
 * and partner facilities as editable rows with inline messages. Holds no controls; loading, saving
 * and the code list go through the task runner.
 */
final class MasterDataViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(MasterDataViewModel.class);

  /** The position codes practitioners are given (UZ Core PractitionerRole.code). */
  static final String POSITIONS_VS =
      "https://terminology.dhp.uz/fhir/core/ValueSet/position-and-profession-vs";

  private final MasterDataStore store;
  private final Callable<Map<String, Integer>> draftReferences;
  private final Supplier<Optional<ValueSetExpansion>> positionSource;
  private final MasterDataValidation validation;
  private final TaskRunner tasks;

  final StringProperty clinicName = new SimpleStringProperty("");
  final StringProperty taxId = new SimpleStringProperty("");
  final StringProperty argosId = new SimpleStringProperty("");
  final StringProperty organizationCode = new SimpleStringProperty("");
  final ObjectProperty<@Nullable Note> clinicNameNote = new SimpleObjectProperty<>();
  final ObjectProperty<@Nullable Note> taxIdNote = new SimpleObjectProperty<>();
  final ObservableList<DepartmentRow> departments = FXCollections.observableArrayList();
  final ObservableList<PractitionerRow> practitioners = FXCollections.observableArrayList();
  final ObservableList<PartnerRow> partners = FXCollections.observableArrayList();

  /** The message at the top: what happened and what to do next. */
  final ObjectProperty<Note> status =
      new SimpleObjectProperty<>(Note.warning("masterData.status.loading"));

  final BooleanProperty loaded = new SimpleBooleanProperty();
  final BooleanProperty busy = new SimpleBooleanProperty();
  final BooleanProperty dirty = new SimpleBooleanProperty();
  final IntegerProperty errorCount = new SimpleIntegerProperty();

  private String clinicKey = MasterDataStore.CLINIC_KEY;
  private Map<String, Integer> referenced = Map.of();
  private volatile @Nullable ValueSetExpansion positions;
  private boolean positionsRequested;
  private boolean filling;

  /**
   * @param draftReferences how often drafts use each reference ({@link DraftReferences#count()})
   * @param positions the position code list, when available (called in the background, once)
   */
  MasterDataViewModel(
      MasterDataStore store,
      Callable<Map<String, Integer>> draftReferences,
      Supplier<Optional<ValueSetExpansion>> positions,
      PinflCheck pinfl,
      TaskRunner tasks) {
    this.store = store;
    this.draftReferences = draftReferences;
    this.positionSource = positions;
    this.validation = new MasterDataValidation(pinfl);
    this.tasks = tasks;
    for (StringProperty p : List.of(clinicName, taxId, argosId, organizationCode)) {
      p.addListener(o -> changed());
    }
  }

  /** The position list of a terminology source (for the constructor). */
  static Supplier<Optional<ValueSetExpansion>> positionsOf(Supplier<TerminologySource> source) {
    return () -> source.get().expand(POSITIONS_VS);
  }

  /** Reads the stored master data (discarding edits) and which drafts use which entry. */
  void load() {
    busy.set(true);
    tasks.run(
        () -> new Reloaded(store.load(), referencesOrNone()),
        r -> {
          busy.set(false);
          referenced = r.references();
          fill(r.loaded().data());
          status.set(
              switch (r.loaded().status()) {
                case NONE -> Note.warning("masterData.status.empty");
                case STORED -> Note.warning("masterData.status.loaded");
                case UNREADABLE -> Note.error("masterData.status.unreadable");
              });
          loaded.set(true);
        },
        e -> {
          busy.set(false);
          LOG.warn("Clinic master data could not be loaded", e);
          status.set(failure("masterData.status.loadFailed", e));
        });
  }

  private record Reloaded(MasterDataStore.Loaded loaded, Map<String, Integer> references) {}

  private Map<String, Integer> referencesOrNone() {
    try {
      return draftReferences.call();
    } catch (Exception e) {
      LOG.warn("Could not read which drafts use master data; removals are not warned about", e);
      return Map.of();
    }
  }

  private void fill(ClinicMasterData data) {
    filling = true;
    ClinicOrganization o = data.organization();
    clinicKey = o.key();
    clinicName.set(o.name());
    taxId.set(o.taxId());
    argosId.set(o.argosId());
    organizationCode.set(o.organizationCode());
    departments.setAll(
        data.departments().stream().map(d -> watch(new DepartmentRow(d, true))).toList());
    practitioners.setAll(
        data.practitioners().stream().map(p -> watch(new PractitionerRow(p, true))).toList());
    partners.setAll(data.partners().stream().map(p -> watch(new PartnerRow(p, true))).toList());
    filling = false;
    validate();
    dirty.set(false);
  }

  private <R extends Row> R watch(R row) {
    for (Observable v : row.values()) {
      v.addListener(o -> changed());
    }
    return row;
  }

  private void changed() {
    if (!filling) {
      dirty.set(true);
      validate();
    }
  }

  DepartmentRow addDepartment() {
    DepartmentRow r = watch(new DepartmentRow(new Department("", "", ""), false));
    departments.add(r);
    changed();
    return r;
  }

  PractitionerRow addPractitioner() {
    PractitionerRow r =
        watch(new PractitionerRow(new ClinicPractitioner("", "", "", "", "", "", "", ""), false));
    practitioners.add(r);
    changed();
    return r;
  }

  PartnerRow addPartner() {
    PartnerRow r = watch(new PartnerRow(new PartnerOrganization("", "", ""), false));
    partners.add(r);
    changed();
    return r;
  }

  /**
   * Removes a row (kept until Save). When saved drafts use the entry, the status says so: the
   * drafts keep the name they show, but need another entry chosen before they are finalized.
   */
  void remove(Row row) {
    String type;
    String label;
    if (row instanceof PractitionerRow p) {
      practitioners.remove(p);
      type = "PractitionerRole";
      label = p.fullName();
    } else if (row instanceof DepartmentRow d) {
      departments.remove(d);
      type = "Location";
      label = d.name.get();
    } else {
      PartnerRow p = (PartnerRow) row;
      partners.remove(p);
      type = "Organization";
      label = p.name.get();
    }
    changed();
    int uses = row.stored.get() ? referenced.getOrDefault(type + "/" + row.key.get(), 0) : 0;
    status.set(
        uses > 0
            ? Note.error("masterData.status.removedReferenced", label, uses)
            : Note.warning("masterData.status.removed", label));
  }

  /** Re-checks every field; returns the number of errors. */
  int validate() {
    clinicNameNote.set(MasterDataValidation.required(clinicName));
    taxIdNote.set(MasterDataValidation.taxId(taxId.get()));
    MasterDataValidation.keys(departments, Set.of());
    MasterDataValidation.keys(practitioners, Set.of());
    MasterDataValidation.keys(partners, Set.of(clinicKey));
    departments.forEach(MasterDataValidation::department);
    partners.forEach(MasterDataValidation::partner);
    Set<String> departmentKeys = new HashSet<>();
    departments.forEach(d -> departmentKeys.add(d.key.get()));
    ValueSetExpansion list = positions;
    for (PractitionerRow p : practitioners) {
      validation.practitioner(
          p,
          departmentKeys,
          code -> list == null || !list.isComplete() || list.contains(null, code));
    }
    long errors =
        MasterDataValidation.errors(List.of(clinicNameNote, taxIdNote))
            + departments.stream().mapToLong(Row::errors).sum()
            + practitioners.stream().mapToLong(Row::errors).sum()
            + partners.stream().mapToLong(Row::errors).sum();
    errorCount.set((int) errors);
    return (int) errors;
  }

  /** Saves in the background unless a field has an error; the status tells the outcome. */
  void save() {
    if (busy.get() || !loaded.get()) {
      return;
    }
    if (validate() > 0) {
      status.set(Note.error("masterData.status.hasErrors", errorCount.get()));
      return;
    }
    assignKeys();
    ClinicMasterData data = snapshot();
    busy.set(true);
    status.set(Note.warning("masterData.status.saving"));
    tasks.run(
        () -> {
          store.save(data);
          return data;
        },
        saved -> {
          busy.set(false);
          List<Row> all = new ArrayList<>(departments);
          all.addAll(practitioners);
          all.addAll(partners);
          all.forEach(r -> r.stored.set(true));
          dirty.set(false);
          status.set(Note.warning("masterData.status.saved"));
        },
        e -> {
          busy.set(false);
          LOG.warn("Clinic master data could not be saved", e);
          status.set(failure("masterData.status.saveFailed", e));
        });
  }

  private static Note failure(String fallbackKey, Throwable e) {
    if (e instanceof UserFacingFailure f) {
      return new Note(f.key(), List.of(f.args()), true);
    }
    return Note.error(fallbackKey);
  }

  /** Blank keys are made from names, once; keys given or saved before are kept as they are. */
  private void assignKeys() {
    filling = true;
    assign(departments, "department");
    assign(practitioners, "practitioner");
    Set<String> orgTaken = new HashSet<>(Set.of(clinicKey));
    partners.forEach(p -> orgTaken.add(p.key.get().strip()));
    for (PartnerRow p : partners) {
      if (p.key.get().isBlank()) {
        String k = MasterDataKeys.fromName(p.name(), "partner", orgTaken);
        orgTaken.add(k);
        p.key.set(k);
      }
    }
    filling = false;
  }

  private static void assign(List<? extends Row> rows, String fallback) {
    Set<String> taken = new HashSet<>();
    rows.forEach(r -> taken.add(r.key.get().strip()));
    for (Row r : rows) {
      if (r.key.get().isBlank()) {
        String k = MasterDataKeys.fromName(r.name(), fallback, taken);
        taken.add(k);
        r.key.set(k);
      } else {
        r.key.set(r.key.get().strip());
      }
    }
  }

  /** The screen's content as master data (keys as they are now). */
  ClinicMasterData snapshot() {
    return new ClinicMasterData(
        new ClinicOrganization(
            clinicKey,
            clinicName.get().strip(),
            taxId.get().strip(),
            argosId.get().strip(),
            organizationCode.get().strip()),
        departments.stream().map(DepartmentRow::value).toList(),
        practitioners.stream().map(p -> p.value(validation.pinflDigits(p.pinfl.get()))).toList(),
        partners.stream().map(PartnerRow::value).toList());
  }

  /**
   * Position codes matching {@code query}, delivered on the FX thread; nothing when the code list
   * is not available on this PC (then codes are typed freely).
   */
  void searchPositions(String query, String languageTag, Consumer<List<Concept>> hits) {
    tasks.run(
        () -> {
          ValueSetExpansion list = loadPositions();
          return list == null ? List.<Concept>of() : list.search(query, languageTag, 30);
        },
        hits,
        e -> hits.accept(List.of()));
  }

  /** Loads the position list in the background (once) and re-checks codes against it. */
  void preparePositions() {
    if (positionsRequested) {
      return;
    }
    positionsRequested = true;
    tasks.run(this::loadPositions, l -> validate(), e -> LOG.warn("Position codes unavailable", e));
  }

  private @Nullable ValueSetExpansion loadPositions() {
    ValueSetExpansion list = positions;
    if (list == null) {
      list = positionSource.get().orElse(null);
      positions = list;
    }
    return list;
  }
}
