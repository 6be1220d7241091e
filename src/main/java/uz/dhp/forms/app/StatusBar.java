package uz.dhp.forms.app;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.TaskRunner;

/**
 * The bottom line of the window: where the store lives, background work with a progress indicator
 * (its text is what a screen reader reads), the busy indicator of short tasks, and the sync state
 * (a slot: "not started" until the outbox runs, then its live link).
 */
final class StatusBar {

  private StatusBar() {}

  static HBox create(
      I18n i18n,
      ObservableValue<String> storeLocation,
      BackgroundStatus background,
      TaskRunner tasks,
      StackPane syncSlot) {
    Label store = new Label();
    store.setId("storeStatus");
    store.textProperty().bind(i18n.text("status.store", storeLocation));
    Label sync = new Label();
    sync.setId("syncStatus");
    sync.textProperty().bind(i18n.text("status.sync.notStarted"));
    syncSlot.getChildren().setAll(sync);
    ProgressIndicator documentsWorking = new ProgressIndicator();
    documentsWorking.setId("documentsBusy");
    documentsWorking.setPrefSize(16, 16);
    documentsWorking.visibleProperty().bind(background.busy());
    documentsWorking.managedProperty().bind(background.busy());
    Label documents = new Label();
    documents.setId("documentsStatus");
    documents.textProperty().bind(background.text());
    documentsWorking.accessibleTextProperty().bind(background.text());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setId("busy");
    busy.setPrefSize(16, 16);
    busy.visibleProperty().bind(tasks.running().greaterThan(0));
    busy.accessibleTextProperty().bind(i18n.text("status.busy"));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(12, store, spacer, documentsWorking, documents, busy, syncSlot);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 8, 4, 8));
    bar.getStyleClass().add("status-bar");
    return bar;
  }
}
