package uz.dhp.forms.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreLocationTest {

  @Test
  void linuxUsesXdgDataHomeWhenAbsolute() {
    assertThat(StoreLocation.resolve("Linux", Map.of("XDG_DATA_HOME", "/data/u"), "/home/u", null))
        .isEqualTo(Path.of("/data/u/dhp-forms"));
  }

  @Test
  void linuxFallsBackToLocalShareWhenXdgIsUnsetBlankOrRelative() {
    Path expected = Path.of("/home/u/.local/share/dhp-forms");
    assertThat(StoreLocation.resolve("Linux", Map.of(), "/home/u", null)).isEqualTo(expected);
    assertThat(StoreLocation.resolve("Linux", Map.of("XDG_DATA_HOME", " "), "/home/u", ""))
        .isEqualTo(expected);
    assertThat(StoreLocation.resolve("Linux", Map.of("XDG_DATA_HOME", "rel/dir"), "/home/u", null))
        .isEqualTo(expected);
  }

  @Test
  void windowsUsesLocalAppDataNotTheRoamingProfile() {
    Map<String, String> env =
        Map.of(
            "LOCALAPPDATA", "C:\\Users\\nurse\\AppData\\Local",
            "APPDATA", "C:\\Users\\nurse\\AppData\\Roaming");
    assertThat(StoreLocation.resolve("Windows 11", env, "C:\\Users\\nurse", null))
        .isEqualTo(Path.of("C:\\Users\\nurse\\AppData\\Local", "DHP Forms"));
    assertThat(StoreLocation.resolve("Windows 10", Map.of(), "C:\\Users\\nurse", null))
        .isEqualTo(Path.of("C:\\Users\\nurse", "AppData", "Local", "DHP Forms"));
  }

  @Test
  void macUsesApplicationSupport() {
    assertThat(StoreLocation.resolve("Mac OS X", Map.of(), "/Users/doc", null))
        .isEqualTo(Path.of("/Users/doc/Library/Application Support/DHP Forms"));
  }

  @Test
  void overrideWinsOnEveryPlatform() {
    for (String os : new String[] {"Linux", "Windows 11", "Mac OS X", "FreeBSD"}) {
      assertThat(
              StoreLocation.resolve(
                  os, Map.of("LOCALAPPDATA", "/x", "XDG_DATA_HOME", "/y"), "/home/u", " /srv/dhp "))
          .as(os)
          .isEqualTo(Path.of("/srv/dhp"));
    }
  }

  @Test
  void unknownUnixFollowsXdg() {
    assertThat(StoreLocation.resolve("FreeBSD", Map.of(), "/home/u", null))
        .isEqualTo(Path.of("/home/u/.local/share/dhp-forms"));
  }

  @Test
  void commandLineOverrideBeatsSystemProperty() {
    assertThat(StoreLocation.forCurrentUser("/tmp/from-cli")).isEqualTo(Path.of("/tmp/from-cli"));
  }

  @Test
  void databaseFileIsInsideTheDirectory() {
    assertThat(StoreLocation.databaseFile(Path.of("/d"))).isEqualTo(Path.of("/d/dhp-forms.db"));
  }
}
