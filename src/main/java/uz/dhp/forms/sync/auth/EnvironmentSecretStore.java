package uz.dhp.forms.sync.auth;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only secrets from environment variables {@code DHP_SECRET_<NAME>} (upper case, non-letters
 * as {@code _}): for a clinic gateway run as a service, whose secret the administrator puts in the
 * service definition rather than in a file the app writes.
 */
public final class EnvironmentSecretStore implements SecretStore {

  private final Map<String, String> environment;

  public EnvironmentSecretStore(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  static String variable(String name) {
    return "DHP_SECRET_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  @Override
  public Optional<char[]> read(String name) {
    String v = environment.get(variable(name));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.toCharArray());
  }

  @Override
  public void write(String name, char[] secret) {
    throw new UnsupportedOperationException("environment secrets are set by the administrator");
  }

  @Override
  public void delete(String name) {
    throw new UnsupportedOperationException("environment secrets are set by the administrator");
  }
}
