package uz.dhp.forms.sync.ui;

import java.util.List;
import javafx.scene.Cursor;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import uz.dhp.forms.ui.I18n;

/**
 * The status-bar node for sending: a link-like label with the {@link SyncStatusModel} text that
 * opens the outbox when clicked (or activated with Space/Enter). Style classes {@code sync-ok},
 * {@code sync-busy}, {@code sync-warning}, {@code sync-problem} follow the status.
 */
public final class SyncStatusLabel {

  private static final List<String> CLASSES =
      List.of("sync-ok", "sync-busy", "sync-warning", "sync-problem");

  private SyncStatusLabel() {}

  /** A node with id {@code syncStatus}; {@code openOutbox} runs on the FX thread. */
  public static Hyperlink create(SyncStatusModel model, I18n i18n, Runnable openOutbox) {
    Hyperlink link = new Hyperlink();
    link.setId("syncStatus");
    link.getStyleClass().add("sync-status");
    link.setCursor(Cursor.HAND);
    link.textProperty().bind(model.text());
    link.accessibleTextProperty().bind(model.text());
    link.accessibleHelpProperty().bind(i18n.text("sync.ui.status.hint"));
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(model.tooltip());
    link.setTooltip(tip);
    link.setOnAction(
        e -> {
          link.setVisited(false);
          openOutbox.run();
        });
    style(link, model.status().get().level());
    model.status().addListener((obs, old, now) -> style(link, now.level()));
    return link;
  }

  private static void style(Hyperlink link, SyncStatusText.Level level) {
    link.getStyleClass().removeAll(CLASSES);
    link.getStyleClass().add(CLASSES.get(level.ordinal()));
  }
}
