package uz.dhp.forms.sync.ui;

import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.ui.I18n;

/**
 * The outbox screen: every document on its way to the server with its state, attempts, next try and
 * the reason of the last failure; "Send now", "Retry" for the chosen row, "Retract…" for a sent one
 * (confirmed in a bar under the buttons, never a modal dialog), and the full reason below the
 * table. Thin: binds to {@link OutboxViewModel}. Keyboard: Tab moves between the buttons, the table
 * and the details; in the table, Enter retries the chosen row.
 */
public final class OutboxView implements AutoCloseable {

  private final OutboxViewModel model;
  private final I18n i18n;
  private final BorderPane root = new BorderPane();
  private final TableView<OutboxEntry> table = new TableView<>();
  private final Timeline tick;

  public OutboxView(OutboxViewModel model, I18n i18n) {
    this.model = model;
    this.i18n = i18n;
    root.setId("outboxView");
    root.accessibleTextProperty().bind(i18n.text("sync.ui.outbox.title"));

    Label title = new Label();
    title.setId("outboxTitle");
    title.getStyleClass().add("title");
    title.textProperty().bind(i18n.text("sync.ui.outbox.title"));

    Button sendNow = new Button();
    sendNow.setId("outboxSendNow");
    sendNow.textProperty().bind(i18n.text("sync.ui.outbox.sendNow"));
    sendNow.accessibleHelpProperty().bind(i18n.text("sync.ui.outbox.sendNowHelp"));
    sendNow.setOnAction(e -> model.sendNow());

    Button retry = new Button();
    retry.setId("outboxRetry");
    retry.textProperty().bind(i18n.text("sync.ui.outbox.retry"));
    retry.accessibleHelpProperty().bind(i18n.text("sync.ui.outbox.retryHelp"));
    retry.disableProperty().bind(model.canRetry().not());
    retry.setOnAction(e -> model.retrySelected());

    Button refresh = new Button();
    refresh.setId("outboxRefresh");
    refresh.textProperty().bind(i18n.text("sync.ui.outbox.refresh"));
    refresh.setOnAction(e -> model.refresh());

    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(16, 16);
    busy.visibleProperty().bind(model.loading());
    busy.accessibleTextProperty().bind(i18n.text("sync.ui.outbox.loading"));

    Label notice = new Label();
    notice.setId("outboxNotice");
    notice.setWrapText(true);
    notice
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> model.notice().get().map(m -> i18n.get(m.key(), m.argArray())).orElse(""),
                model.notice(),
                i18n.messagesProperty()));

    Button retract = new Button();
    retract.setId("outboxRetract");
    retract.textProperty().bind(i18n.text("sync.ui.outbox.retract"));
    retract.accessibleTextProperty().bind(i18n.text("sync.ui.outbox.retractName"));
    retract.accessibleHelpProperty().bind(i18n.text("sync.ui.outbox.retractHelp"));
    retract.disableProperty().bind(model.canRetract().not());
    retract.setVisible(model.retractionAvailable());
    retract.setManaged(model.retractionAvailable());
    retract.setOnAction(e -> model.askRetract());

    HBox bar = new HBox(8, title, sendNow, retry, refresh, retract, busy, notice);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8));
    HBox.setHgrow(notice, Priority.ALWAYS);

    buildTable();

    TextArea details = new TextArea();
    details.setId("outboxDetails");
    details.setEditable(false);
    details.setWrapText(true);
    details.textProperty().bind(model.details());
    details.accessibleTextProperty().bind(i18n.text("sync.ui.details.title"));
    Label detailsTitle = new Label();
    detailsTitle.textProperty().bind(i18n.text("sync.ui.details.title"));
    detailsTitle.setLabelFor(details);
    VBox detailsBox = new VBox(4, detailsTitle, details);
    detailsBox.setPadding(new Insets(4, 8, 8, 8));
    VBox.setVgrow(details, Priority.ALWAYS);

    SplitPane split = new SplitPane(table, detailsBox);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.65);
    root.setTop(new VBox(bar, new RetractConfirmBar(model, i18n, table).root()));
    root.setCenter(split);

    // "Next try in 5 min" moves with the clock.
    tick = new Timeline(new KeyFrame(Duration.seconds(30), e -> table.refresh()));
    tick.setCycleCount(Timeline.INDEFINITE);
    tick.play();
    model.texts().addListener((obs, old, now) -> table.refresh());
  }

  private void buildTable() {
    table.setId("outboxTable");
    table.setItems(model.entries());
    table.accessibleTextProperty().bind(i18n.text("sync.ui.outbox.tableHelp"));
    Label empty = new Label();
    empty.textProperty().bind(i18n.text("sync.ui.outbox.empty"));
    table.setPlaceholder(empty);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(column("sync.ui.col.document", "colDocument", 130, t -> t::document));
    table
        .getColumns()
        .add(column("sync.ui.col.changed", "colChanged", 120, t -> e -> t.time(e.updated())));
    table.getColumns().add(column("sync.ui.col.state", "colState", 100, t -> t::state));
    table
        .getColumns()
        .add(column("sync.ui.col.attempts", "colAttempts", 70, t -> e -> "" + e.attempts()));
    table
        .getColumns()
        .add(
            column(
                "sync.ui.col.next",
                "colNext",
                110,
                t -> e -> t.nextTry(e, model.clock().instant())));
    table
        .getColumns()
        .add(column("sync.ui.col.sent", "colSent", 120, t -> e -> t.time(e.sentAt())));
    table
        .getColumns()
        .add(column("sync.ui.col.serverId", "colServerId", 90, t -> e -> e.serverId().orElse("")));
    table.getColumns().add(column("sync.ui.col.reason", "colReason", 300, t -> t::reason));
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((obs, old, now) -> model.selected().set(now));
    model
        .selected()
        .addListener(
            (obs, old, now) -> {
              if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
              }
            });
    table.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER && model.canRetry().get()) {
            model.retrySelected();
            e.consume();
          }
        });
  }

  private TableColumn<OutboxEntry, String> column(
      String key, String id, double width, Function<OutboxTexts, Function<OutboxEntry, String>> f) {
    TableColumn<OutboxEntry, String> c = new TableColumn<>();
    c.setId(id);
    c.textProperty().bind(i18n.text(key));
    c.setPrefWidth(width);
    c.setCellValueFactory(
        cell -> {
          ObservableValue<String> v =
              new ReadOnlyStringWrapper(f.apply(model.texts().get()).apply(cell.getValue()));
          return v;
        });
    return c;
  }

  public Region root() {
    return root;
  }

  /** The table, for focus handling by the shell. */
  public TableView<OutboxEntry> table() {
    return table;
  }

  /** Stops the clock tick and the model's subscription. */
  @Override
  public void close() {
    tick.stop();
    model.close();
  }
}
