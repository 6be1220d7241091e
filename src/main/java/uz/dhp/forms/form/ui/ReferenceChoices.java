package uz.dhp.forms.form.ui;

import java.util.List;
import java.util.Objects;

/**
 * What a reference item can point to, per FHIR resource type: the clinic's practitioners, its
 * departments, partner facilities. Supplied by the application (from the clinic master data); the
 * form editor only shows and picks them. Called on the FX thread, so it must answer from memory.
 */
@FunctionalInterface
public interface ReferenceChoices {

  /**
   * The choices for one resource type (e.g. {@code PractitionerRole}), in the order to show them;
   * empty when there are none.
   */
  List<Choice> forType(String resourceType);

  /** No choices for any type: reference items stay read-only. */
  static ReferenceChoices none() {
    return type -> List.of();
  }

  /**
   * One record a reference answer can point to.
   *
   * @param reference the literal reference stored in the answer, e.g. {@code
   *     PractitionerRole/dr-karimov}
   * @param display the text stored with it and shown in the field (a name)
   * @param secondary extra text shown only in the list to tell similar entries apart (position,
   *     department, code); may be empty
   */
  record Choice(String reference, String display, String secondary) {
    public Choice {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(display, "display");
      secondary = secondary == null ? "" : secondary;
    }
  }
}
