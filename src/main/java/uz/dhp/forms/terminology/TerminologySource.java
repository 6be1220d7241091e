package uz.dhp.forms.terminology;

import java.util.Optional;

/** Offline code systems and value sets, as the form engine needs them. */
public interface TerminologySource {

  /** The codes of a value set (canonical url, optionally {@code |version}), if resolvable. */
  Optional<ValueSetExpansion> expand(String valueSetUrl);

  /** A code of a known code system. */
  Optional<Concept> lookup(String system, String code);

  boolean knowsCodeSystem(String system);

  /** A source that knows nothing: forms that name a value set are then unavailable. */
  static TerminologySource none() {
    return LocalTerminology.empty();
  }
}
