package uz.dhp.forms.app;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import uz.dhp.forms.document.extract.EntryIdentity;
import uz.dhp.forms.store.PatientCacheRepository;

/**
 * The identity a document gives a patient the DHP server already has (dhp-spec §2.1 default):
 * {@code <base>/Patient/<serverId>}, from the copy the patient lookup cached — only when that copy
 * came from the server documents go to now, so a clinic that moved from the sandbox to DHP never
 * references sandbox ids. Empty otherwise: the document then uses the local patient index id. Reads
 * the store: call off the FX thread.
 */
final class ServerPatientIdentity implements Function<String, Optional<EntryIdentity>> {

  private final PatientCacheRepository cache;
  private final Supplier<String> serverBase;

  /**
   * @param serverBase the FHIR base documents are sent to, read at each call (settings may change)
   */
  ServerPatientIdentity(PatientCacheRepository cache, Supplier<String> serverBase) {
    this.cache = cache;
    this.serverBase = serverBase;
  }

  @Override
  public Optional<EntryIdentity> apply(String pinfl) {
    String base = serverBase.get();
    return cache
        .find(pinfl)
        .filter(copy -> copy.cameFrom(base))
        .flatMap(copy -> EntryIdentity.onServer(copy.serverBase(), "Patient", copy.serverId()));
  }
}
