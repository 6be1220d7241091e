package uz.dhp.forms.store;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A typed setting with its default, e.g. {@code SettingKey.string("ui.language", "uz")}. Declare
 * keys as constants where they are used; the store only persists them.
 *
 * @param <T> {@link String}, {@link Integer} or {@link Boolean}
 */
public final class SettingKey<T> {

  private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)*");

  /** The value types a setting can have. */
  public enum Type {
    STRING,
    INT,
    BOOLEAN
  }

  private final String name;
  private final Type type;
  private final T defaultValue;

  private SettingKey(String name, Type type, T defaultValue) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("setting names are dotted lowerCamel words: " + name);
    }
    if (defaultValue == null) {
      throw new IllegalArgumentException("a setting needs a default value");
    }
    this.name = name;
    this.type = type;
    this.defaultValue = defaultValue;
  }

  public static SettingKey<String> string(String name, String defaultValue) {
    return new SettingKey<>(name, Type.STRING, defaultValue);
  }

  public static SettingKey<Integer> integer(String name, int defaultValue) {
    return new SettingKey<>(name, Type.INT, defaultValue);
  }

  public static SettingKey<Boolean> bool(String name, boolean defaultValue) {
    return new SettingKey<>(name, Type.BOOLEAN, defaultValue);
  }

  public String name() {
    return name;
  }

  public Type type() {
    return type;
  }

  public T defaultValue() {
    return defaultValue;
  }

  String format(T value) {
    return value.toString();
  }

  /** The stored text as a value of this key's type, or empty when it does not parse. */
  @SuppressWarnings("unchecked")
  Optional<T> parse(String stored) {
    return switch (type) {
      case STRING -> Optional.of((T) stored);
      case INT -> {
        try {
          yield Optional.of((T) Integer.valueOf(stored));
        } catch (NumberFormatException e) {
          yield Optional.empty();
        }
      }
      case BOOLEAN -> {
        if (stored.equals("true") || stored.equals("false")) {
          yield Optional.of((T) Boolean.valueOf(stored));
        }
        yield Optional.empty();
      }
    };
  }

  @Override
  public String toString() {
    return "SettingKey[" + name + ":" + type + "]";
  }
}
