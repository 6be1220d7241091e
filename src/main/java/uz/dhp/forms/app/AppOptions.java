package uz.dhp.forms.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Start-up options: command-line arguments win over system properties, which win over defaults.
 *
 * @param dataDir explicit data directory ({@code --data-dir=DIR} or {@code -Ddhp.data.dir}); empty
 *     means the per-user default
 * @param formsDir where form definitions are read from ({@code --forms-dir=DIR} or {@code
 *     -Dforms.dir}); default {@code forms} in the working directory
 * @param warmUp build the document checker in the background right after start ({@code
 *     --no-warm-up} or {@code -Ddhp.warmUp=false} turn it off: it is then built on first use)
 */
public record AppOptions(Optional<Path> dataDir, Path formsDir, boolean warmUp) {

  public static AppOptions parse(List<String> args, Map<String, String> properties) {
    Optional<Path> dataDir =
        option(args, "--data-dir")
            .or(() -> Optional.ofNullable(properties.get("dhp.data.dir")))
            .filter(s -> !s.isBlank())
            .map(Path::of);
    Path formsDir =
        option(args, "--forms-dir")
            .or(() -> Optional.ofNullable(properties.get("forms.dir")))
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .orElse(Path.of("forms"));
    boolean warmUp =
        !args.contains("--no-warm-up")
            && !"false".equalsIgnoreCase(properties.getOrDefault("dhp.warmUp", "true"));
    return new AppOptions(dataDir, formsDir, warmUp);
  }

  private static Optional<String> option(List<String> args, String name) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith(name + "=")) {
        return Optional.of(a.substring(name.length() + 1));
      }
      if (a.equals(name) && i + 1 < args.size()) {
        return Optional.of(args.get(i + 1));
      }
    }
    return Optional.empty();
  }
}
