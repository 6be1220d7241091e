package uz.dhp.forms.signing;

import java.util.List;

/** Result of {@link SigningService#begin}. */
public sealed interface CeremonyStart {

  /** Load {@code ceremony.session().pageUri()} in the signing dialog. */
  record Started(SigningCeremony ceremony) implements CeremonyStart {}

  /** The document cannot be signed (see {@code reasonKey}); nothing was opened. */
  record Failed(String reasonKey, List<String> args) implements CeremonyStart {
    public Failed {
      args = List.copyOf(args);
    }
  }
}
