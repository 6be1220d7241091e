package uz.dhp.forms.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the per-user store lives. {@link #resolve} is a pure function of its inputs so that every
 * platform's rule is unit-tested on any platform; {@link #forCurrentUser} feeds it the real values.
 *
 * <ul>
 *   <li>explicit override (CLI {@code --data-dir}, else system property {@value
 *       #OVERRIDE_PROPERTY})
 *   <li>Windows: {@code %LOCALAPPDATA%\DHP Forms}
 *   <li>macOS: {@code ~/Library/Application Support/DHP Forms}
 *   <li>Linux and other Unix: {@code $XDG_DATA_HOME/dhp-forms}, else {@code
 *       ~/.local/share/dhp-forms}
 * </ul>
 */
public final class StoreLocation {

  /** System property that overrides the data directory (the app's {@code --data-dir} wins). */
  public static final String OVERRIDE_PROPERTY = "dhp.data.dir";

  /** File name of the database inside the data directory. */
  public static final String DATABASE_FILE_NAME = "dhp-forms.db";

  static final String WINDOWS_AND_MAC_DIR = "DHP Forms";
  static final String UNIX_DIR = "dhp-forms";

  private StoreLocation() {}

  /**
   * The data directory for these inputs.
   *
   * @param osName the {@code os.name} system property value
   * @param env the process environment (only {@code LOCALAPPDATA} and {@code XDG_DATA_HOME} are
   *     read)
   * @param userHome the {@code user.home} system property value
   * @param override an explicit directory, or {@code null}/blank for the platform default
   */
  public static Path resolve(
      String osName, Map<String, String> env, String userHome, String override) {
    if (override != null && !override.isBlank()) {
      return Path.of(override.strip()).toAbsolutePath().normalize();
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      // LOCALAPPDATA, not the roaming APPDATA: with folder redirection the roaming profile can sit
      // on a network share, where SQLite's locking and durability cannot be trusted.
      String appData = env.get("LOCALAPPDATA");
      if (appData != null && !appData.isBlank()) {
        return Path.of(appData, WINDOWS_AND_MAC_DIR);
      }
      // LOCALAPPDATA is always set by Windows itself; this covers a stripped environment.
      return Path.of(userHome, "AppData", "Local", WINDOWS_AND_MAC_DIR);
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return Path.of(userHome, "Library", "Application Support", WINDOWS_AND_MAC_DIR);
    }
    String xdg = env.get("XDG_DATA_HOME");
    // The XDG spec says relative values are invalid and must be ignored.
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, UNIX_DIR);
    }
    return Path.of(userHome, ".local", "share", UNIX_DIR);
  }

  /**
   * The data directory of the current user, honouring a command-line override first and then the
   * {@value #OVERRIDE_PROPERTY} system property.
   *
   * @param commandLineOverride value of {@code --data-dir}, or {@code null}
   */
  public static Path forCurrentUser(String commandLineOverride) {
    String override =
        commandLineOverride != null && !commandLineOverride.isBlank()
            ? commandLineOverride
            : System.getProperty(OVERRIDE_PROPERTY);
    return resolve(
        System.getProperty("os.name", ""),
        System.getenv(),
        System.getProperty("user.home", ""),
        override);
  }

  /** The database file inside a data directory. */
  public static Path databaseFile(Path dataDirectory) {
    return dataDirectory.resolve(DATABASE_FILE_NAME);
  }
}
