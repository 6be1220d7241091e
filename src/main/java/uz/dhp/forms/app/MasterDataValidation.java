package uz.dhp.forms.app;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.app.MasterDataRows.DepartmentRow;
import uz.dhp.forms.app.MasterDataRows.Note;
import uz.dhp.forms.app.MasterDataRows.PartnerRow;
import uz.dhp.forms.app.MasterDataRows.PractitionerRow;
import uz.dhp.forms.app.MasterDataRows.Row;
import uz.dhp.forms.document.pinfl.PinflCheck;
import uz.dhp.forms.document.pinfl.PinflOutcome;

/**
 * The inline checks of the master-data screen. Errors block saving (a document could not be built
 * from the entry); warnings only inform.
 */
final class MasterDataValidation {

  private final PinflCheck pinfl;

  MasterDataValidation(PinflCheck pinfl) {
    this.pinfl = pinfl;
  }

  static @Nullable Note required(StringProperty value) {
    return value.get().isBlank() ? Note.error("masterData.required") : null;
  }

  /** Tax id (STIR): nine digits when given. */
  static @Nullable Note taxId(String value) {
    String v = value.strip();
    return v.isEmpty() || v.matches("\\d{9}") ? null : Note.error("masterData.clinic.taxId.format");
  }

  /** Keys: valid FHIR ids, unique among {@code rows} and {@code alsoTaken}. */
  static void keys(List<? extends Row> rows, Set<String> alsoTaken) {
    Set<String> seen = new HashSet<>(alsoTaken);
    Set<String> duplicate = new HashSet<>();
    for (Row r : rows) {
      String k = r.key.get().strip();
      if (!k.isEmpty() && !seen.add(k)) {
        duplicate.add(k);
      }
    }
    for (Row r : rows) {
      String k = r.key.get().strip();
      Note note = null;
      if (!k.isEmpty() && !MasterDataKeys.isValid(k)) {
        note = Note.error("masterData.key.format");
      } else if (duplicate.contains(k)) {
        note = Note.error("masterData.key.duplicate", k);
      }
      r.keyNote.set(note);
    }
  }

  static void department(DepartmentRow d) {
    d.nameNote.set(required(d.name));
  }

  static void partner(PartnerRow p) {
    p.nameNote.set(required(p.name));
  }

  /**
   * @param knownPosition whether a position code is in the code list, empty when the list is not
   *     available (then any non-blank code is accepted)
   */
  void practitioner(
      PractitionerRow p, Set<String> departmentKeys, Predicate<String> knownPosition) {
    p.pinflNote.set(pinfl(p.pinfl.get()));
    p.familyNote.set(required(p.family));
    p.givenNote.set(required(p.given));
    String code = p.positionCode.get().strip();
    if (code.isEmpty()) {
      p.positionNote.set(Note.error("masterData.practitioner.position.required"));
    } else if (!knownPosition.test(code)) {
      p.positionNote.set(Note.warning("masterData.practitioner.position.unknown", code));
    } else {
      p.positionNote.set(null);
    }
    String dept = p.departmentKey.get();
    p.departmentNote.set(
        dept.isEmpty() || departmentKeys.contains(dept)
            ? null
            : Note.error("masterData.practitioner.department.missing"));
  }

  /** The PINFL's message: the check's error, or its first warning, or none. */
  @Nullable Note pinfl(String typed) {
    PinflOutcome outcome = pinfl.check(typed);
    if (outcome instanceof PinflOutcome.Invalid i) {
      return new Note(i.messageKey(), i.args(), true);
    }
    PinflOutcome.Valid v = (PinflOutcome.Valid) outcome;
    return v.warningKeys().isEmpty() ? null : Note.warning(v.warningKeys().get(0));
  }

  /** The PINFL digits to store (as checked), or the text as typed when it is not valid. */
  String pinflDigits(String typed) {
    return pinfl.check(typed) instanceof PinflOutcome.Valid v ? v.pinfl() : typed.strip();
  }

  static long errors(List<ObjectProperty<@Nullable Note>> notes) {
    return notes.stream()
        .filter(n -> Optional.ofNullable(n.get()).map(Note::error).orElse(false))
        .count();
  }
}
