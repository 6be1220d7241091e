package uz.dhp.forms.sync.auth;

import java.util.Optional;

/**
 * Where client secrets and refresh tokens live: never in the repository, the logs or the plain-text
 * settings. Implementations: {@link InMemorySecretStore} (per session), {@link
 * EnvironmentSecretStore} (a clinic gateway service configured by its environment). The operating
 * system's keychain (Windows Credential Manager / DPAPI, macOS Keychain, libsecret) is future work
 * (docs/decisions/0005-sync-delivery.md).
 */
public interface SecretStore {

  /** The secret, or empty. The caller clears the returned array after use. */
  Optional<char[]> read(String name);

  void write(String name, char[] secret);

  void delete(String name);
}
