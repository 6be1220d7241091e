package uz.dhp.forms.sync.auth;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Secrets kept only in memory for this session (a user's refresh token, a test's secret). */
public final class InMemorySecretStore implements SecretStore {

  private final Map<String, char[]> secrets = new HashMap<>();

  @Override
  public synchronized Optional<char[]> read(String name) {
    char[] s = secrets.get(name);
    return s == null ? Optional.empty() : Optional.of(s.clone());
  }

  @Override
  public synchronized void write(String name, char[] secret) {
    delete(name);
    secrets.put(name, secret.clone());
  }

  @Override
  public synchronized void delete(String name) {
    char[] old = secrets.remove(name);
    if (old != null) {
      Arrays.fill(old, '\0');
    }
  }
}
