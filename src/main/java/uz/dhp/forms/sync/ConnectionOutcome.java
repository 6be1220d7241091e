package uz.dhp.forms.sync;

/** What "Test connection" found; {@link #message()} is what the settings screen shows. */
public sealed interface ConnectionOutcome {

  /** A {@code sync.settings.test.*} message for the user. */
  SyncMessage message();

  /** The server answered with a CapabilityStatement (and the login worked, when one is set up). */
  record Reachable(String fhirVersion, String software, boolean loggedIn)
      implements ConnectionOutcome {
    @Override
    public SyncMessage message() {
      return loggedIn
          ? SyncMessage.of("sync.settings.test.okLoggedIn", software, fhirVersion)
          : SyncMessage.of("sync.settings.test.ok", software, fhirVersion);
    }
  }

  /** No HTTP answer: wrong address, no network, server down, or too slow. */
  record Unreachable(SyncMessage message, String detail) implements ConnectionOutcome {}

  /** An HTTP answer that is not a FHIR CapabilityStatement (wrong path, proxy page, error). */
  record NotFhir(int httpStatus) implements ConnectionOutcome {
    @Override
    public SyncMessage message() {
      return SyncMessage.of("sync.settings.test.notFhir", httpStatus);
    }
  }

  /** The server is there but the clinic login failed ({@code sync.auth.*}). */
  record LoginFailed(SyncMessage message) implements ConnectionOutcome {}
}
