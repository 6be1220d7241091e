package uz.dhp.forms.form.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerValue;

/**
 * attachment: a chosen file is recorded by reference (location, name, size and SHA-256), never
 * copied into the draft, so a scan of several megabytes does not slow every autosave. The hash is
 * computed off the FX thread.
 */
final class AttachmentEditor extends ValueEditor {

  private final EditorContext ctx;
  private final Button choose = new Button();
  private final Button clear = new Button("✕");
  private final Label info = new Label();
  private final HBox root;
  private AnswerValue.@Nullable AttachmentValue shown;

  AttachmentEditor(EditorContext ctx) {
    this.ctx = ctx;
    choose.getStyleClass().add("attach-button");
    clear.getStyleClass().add("row-button");
    clear.setFocusTraversable(false);
    choose.setOnAction(e -> pick());
    clear.setOnAction(
        e -> {
          shown = null;
          onValue.accept(Optional.empty());
          relabel();
        });
    root = new HBox(8, choose, info, clear);
    relabel();
  }

  private void pick() {
    Optional<Path> file =
        ctx.files.pick(
            root.getScene() == null ? null : root.getScene().getWindow(),
            ctx.msg("form.ui.attachment.choose"));
    if (file.isEmpty()) {
      return;
    }
    Path p = file.get();
    info.setText(ctx.msg("form.ui.attachment.reading"));
    ctx.work.run(
        () -> describe(p),
        v -> {
          onLocalError.accept(null);
          shown = v;
          onValue.accept(Optional.of(v));
          relabel();
        },
        err -> {
          onLocalError.accept("form.ui.attachment.unreadable");
          relabel();
        });
  }

  /** Reference to a file: URI, name, size, type and SHA-256 (in the URI fragment). */
  static AnswerValue.AttachmentValue describe(Path p) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long size = 0;
    try (InputStream in = Files.newInputStream(p)) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        sha.update(buf, 0, n);
        size += n;
      }
    }
    String type = Files.probeContentType(p);
    String uri = p.toAbsolutePath().toUri() + "#sha256=" + HexFormat.of().formatHex(sha.digest());
    return new AnswerValue.AttachmentValue(type, null, uri, p.getFileName().toString(), size);
  }

  @Override
  Node node() {
    return root;
  }

  @Override
  Node focusTarget() {
    return choose;
  }

  @Override
  void show(@Nullable AnswerValue value) {
    shown = value instanceof AnswerValue.AttachmentValue a ? a : null;
    relabel();
  }

  @Override
  void setReadOnly(boolean readOnly) {
    choose.setDisable(readOnly);
    clear.setDisable(readOnly);
  }

  @Override
  void relabel() {
    choose.setText(ctx.msg("form.ui.attachment.choose"));
    clear.accessibleTextProperty().unbind();
    clear.setAccessibleText(ctx.msg("form.ui.attachment.clear"));
    clear.setVisible(shown != null);
    if (shown == null) {
      info.setText(ctx.msg("form.ui.attachment.none"));
    } else {
      long size = shown.size() == null ? 0 : shown.size();
      info.setText(
          ctx.msg(
              "form.ui.attachment.file",
              shown.title() == null ? "" : shown.title(),
              Math.max(1, (size + 1023) / 1024)));
    }
  }
}
