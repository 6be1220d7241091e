package uz.dhp.forms.form.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A draft sink writing a real file (atomically replaced), counting saves. */
final class FileDraftSink implements DraftSink {

  final Path file;
  final AtomicInteger saves = new AtomicInteger();

  FileDraftSink(Path file) {
    this.file = file;
  }

  @Override
  public SaveOutcome save(String json) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      saves.incrementAndGet();
      return new SaveOutcome.Saved();
    } catch (IOException e) {
      return new SaveOutcome.Failed(
          "form.ui.save.unexpected", List.of(e.getClass().getSimpleName()));
    }
  }

  String read() throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
