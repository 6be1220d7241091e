package uz.dhp.forms.app;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.document.master.ClinicPractitioner;
import uz.dhp.forms.document.master.Department;
import uz.dhp.forms.document.master.PartnerOrganization;

/** The editable rows of the master-data screen: one per department, practitioner, partner. */
final class MasterDataRows {

  private MasterDataRows() {}

  /** An inline message under a field: a message key with arguments; errors block saving. */
  record Note(String key, List<Object> args, boolean error) {
    Note {
      args = List.copyOf(args);
    }

    static Note error(String key, Object... args) {
      return new Note(key, List.of(args), true);
    }

    static Note warning(String key, Object... args) {
      return new Note(key, List.of(args), false);
    }
  }

  /** What all rows share: a key that is fixed once saved, and the key's message. */
  abstract static class Row {
    final StringProperty key = new SimpleStringProperty("");
    final BooleanProperty stored = new SimpleBooleanProperty();
    final ObjectProperty<@Nullable Note> keyNote = new SimpleObjectProperty<>();

    Row(String key, boolean stored) {
      this.key.set(key);
      this.stored.set(stored);
    }

    /** The text a key is made from when left blank. */
    abstract String name();

    /** Every editable value, to revalidate on change. */
    abstract List<Observable> values();

    /** Every message of the row. */
    abstract List<ObjectProperty<@Nullable Note>> notes();

    long errors() {
      return notes().stream().filter(n -> n.get() != null && n.get().error()).count();
    }
  }

  /** A row with a name and a code: departments and partner facilities. */
  abstract static class NamedCodeRow extends Row {
    final StringProperty name = new SimpleStringProperty("");
    final StringProperty code = new SimpleStringProperty("");
    final ObjectProperty<@Nullable Note> nameNote = new SimpleObjectProperty<>();

    NamedCodeRow(String key, boolean stored, String name, String code) {
      super(key, stored);
      this.name.set(name);
      this.code.set(code);
    }

    @Override
    String name() {
      return name.get();
    }

    @Override
    List<Observable> values() {
      return List.of(key, name, code);
    }

    @Override
    List<ObjectProperty<@Nullable Note>> notes() {
      return List.of(keyNote, nameNote);
    }
  }

  static final class DepartmentRow extends NamedCodeRow {
    DepartmentRow(Department d, boolean stored) {
      super(d.key(), stored, d.name(), d.code());
    }

    Department value() {
      return new Department(key.get(), name.get().strip(), code.get().strip());
    }
  }

  static final class PartnerRow extends NamedCodeRow {
    PartnerRow(PartnerOrganization p, boolean stored) {
      super(p.key(), stored, p.name(), p.organizationCode());
    }

    PartnerOrganization value() {
      return new PartnerOrganization(key.get(), name.get().strip(), code.get().strip());
    }
  }

  static final class PractitionerRow extends Row {
    final StringProperty pinfl = new SimpleStringProperty("");
    final StringProperty family = new SimpleStringProperty("");
    final StringProperty given = new SimpleStringProperty("");
    final StringProperty patronymic = new SimpleStringProperty("");
    final StringProperty positionCode = new SimpleStringProperty("");
    final StringProperty positionDisplay = new SimpleStringProperty("");
    final StringProperty departmentKey = new SimpleStringProperty("");
    final ObjectProperty<@Nullable Note> pinflNote = new SimpleObjectProperty<>();
    final ObjectProperty<@Nullable Note> familyNote = new SimpleObjectProperty<>();
    final ObjectProperty<@Nullable Note> givenNote = new SimpleObjectProperty<>();
    final ObjectProperty<@Nullable Note> positionNote = new SimpleObjectProperty<>();
    final ObjectProperty<@Nullable Note> departmentNote = new SimpleObjectProperty<>();

    PractitionerRow(ClinicPractitioner p, boolean stored) {
      super(p.key(), stored);
      pinfl.set(p.pinfl());
      family.set(p.family());
      given.set(p.given());
      patronymic.set(p.patronymic());
      positionCode.set(p.positionCode());
      positionDisplay.set(p.positionDisplay());
      departmentKey.set(p.departmentKey());
    }

    /** "Family Given Patronymic". */
    String fullName() {
      return String.join(" ", family.get().strip(), given.get().strip(), patronymic.get().strip())
          .strip();
    }

    /**
     * @param pinflDigits the PINFL as checked (spaces and hyphens removed)
     */
    ClinicPractitioner value(String pinflDigits) {
      return new ClinicPractitioner(
          key.get(),
          pinflDigits,
          family.get().strip(),
          given.get().strip(),
          patronymic.get().strip(),
          positionCode.get().strip(),
          positionDisplay.get().strip(),
          departmentKey.get());
    }

    @Override
    String name() {
      return String.join(" ", family.get(), given.get());
    }

    @Override
    List<Observable> values() {
      return List.of(
          key, pinfl, family, given, patronymic, positionCode, positionDisplay, departmentKey);
    }

    @Override
    List<ObjectProperty<@Nullable Note>> notes() {
      return List.of(keyNote, pinflNote, familyNote, givenNote, positionNote, departmentNote);
    }
  }
}
