package uz.dhp.forms.form.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Asks the user for a file to attach. The app uses the system file chooser. */
@FunctionalInterface
public interface FilePicker {

  Optional<Path> pick(@Nullable Window owner, String title);

  static FilePicker system() {
    return (owner, title) -> {
      FileChooser chooser = new FileChooser();
      chooser.setTitle(title);
      java.io.File f = chooser.showOpenDialog(owner);
      return f == null ? Optional.empty() : Optional.of(f.toPath());
    };
  }
}
