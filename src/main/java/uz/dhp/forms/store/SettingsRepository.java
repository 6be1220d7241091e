package uz.dhp.forms.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Typed key/value settings; an absent or unreadable value reads as the key's default. */
public final class SettingsRepository {

  private static final Logger LOG = LoggerFactory.getLogger(SettingsRepository.class);

  private final Database db;
  private final Clock clock;

  SettingsRepository(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The stored value, or the key's default when none is stored or it cannot be parsed. */
  public <T> T get(SettingKey<T> key) {
    Optional<String> stored = stored(key.name());
    if (stored.isEmpty()) {
      return key.defaultValue();
    }
    Optional<T> parsed = key.parse(stored.get());
    if (parsed.isEmpty()) {
      // Log the key only: values are user data.
      LOG.warn(
          "Setting {} holds a value that is not of type {}; using the default",
          key.name(),
          key.type());
      return key.defaultValue();
    }
    return parsed.get();
  }

  /** Stores a value, committed before this returns. */
  public <T> StoreWriteOutcome set(SettingKey<T> key, T value) {
    if (value == null) {
      throw new IllegalArgumentException("use reset() to go back to the default");
    }
    String text = key.format(value);
    return write(
        "INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
            + " updated_at = excluded.updated_at",
        key.name(),
        text);
  }

  /** Removes a stored value so that the default applies again. */
  public StoreWriteOutcome reset(SettingKey<?> key) {
    return write("DELETE FROM setting WHERE key = ?", key.name(), null);
  }

  private StoreWriteOutcome write(String sql, String name, String value) {
    try {
      db.write(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              ps.setString(1, name);
              if (value != null) {
                ps.setString(2, value);
                ps.setLong(3, clock.millis());
              }
              return ps.executeUpdate();
            }
          });
      return new StoreWriteOutcome.Written();
    } catch (SQLException e) {
      return new StoreWriteOutcome.Failed(SqliteErrors.writeFailure(e));
    }
  }

  private Optional<String> stored(String name) {
    try {
      return db.read(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
              ps.setString(1, name);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
              }
            }
          });
    } catch (SQLException e) {
      throw new StoreException(
          "reading setting " + name + " failed: " + SqliteErrors.describe(e), e);
    }
  }
}
