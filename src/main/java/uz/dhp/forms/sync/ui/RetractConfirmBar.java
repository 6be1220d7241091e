package uz.dhp.forms.sync.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.Retraction;
import uz.dhp.forms.ui.I18n;

/**
 * The inline confirmation of "Retract…": what will happen, an optional reason, "Create retraction"
 * and "Cancel". Not modal: the rest of the window stays usable. Shown while the model has a row to
 * retract; opening it puts the cursor in the reason field, Esc cancels, and closing it gives the
 * focus back to the table.
 */
final class RetractConfirmBar {

  private final VBox root = new VBox(6);

  RetractConfirmBar(OutboxViewModel model, I18n i18n, TableView<OutboxEntry> table) {
    root.setId("outboxRetractBar");
    root.setPadding(new Insets(8));
    root.setStyle(
        "-fx-background-color: #fff4e0; -fx-border-color: #d08a1e; -fx-border-width: 1 0 1 0;");
    root.visibleProperty().bind(model.retractTarget().isNotNull());
    root.managedProperty().bind(root.visibleProperty());

    Label question = new Label();
    question.setId("outboxRetractQuestion");
    question.setWrapText(true);
    question
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.retractTarget().get() == null
                        ? ""
                        : i18n.get(
                            "sync.ui.outbox.retractQuestion",
                            model.texts().get().document(model.retractTarget().get())),
                model.retractTarget(),
                model.texts(),
                i18n.messagesProperty()));

    TextField reason = new TextField();
    reason.setId("outboxRetractReason");
    reason.promptTextProperty().bind(i18n.text("sync.ui.outbox.retractReasonPrompt"));
    reason.accessibleTextProperty().bind(i18n.text("sync.ui.outbox.retractReason"));
    reason.setTextFormatter(
        new TextFormatter<String>(
            c -> c.getControlNewText().length() <= Retraction.MAX_REASON_LENGTH ? c : null));
    Label reasonLabel = new Label();
    reasonLabel.textProperty().bind(i18n.text("sync.ui.outbox.retractReason"));
    reasonLabel.setLabelFor(reason);
    HBox.setHgrow(reason, Priority.ALWAYS);

    Button confirm = new Button();
    confirm.setId("outboxRetractConfirm");
    confirm.textProperty().bind(i18n.text("sync.ui.outbox.retractConfirm"));
    confirm.accessibleHelpProperty().bind(i18n.text("sync.ui.outbox.retractConfirmHelp"));
    confirm.setOnAction(
        e -> {
          model.confirmRetract(reason.getText());
          table.requestFocus();
        });
    Button cancel = new Button();
    cancel.setId("outboxRetractCancel");
    cancel.textProperty().bind(i18n.text("sync.ui.outbox.retractCancel"));
    cancel.setOnAction(
        e -> {
          model.cancelRetract();
          table.requestFocus();
        });

    HBox row = new HBox(8, reasonLabel, reason, confirm, cancel);
    row.setAlignment(Pos.CENTER_LEFT);
    root.getChildren().setAll(question, row);
    // A filter: before the reason field (or the window's Esc, "back home") can take the key.
    root.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            model.cancelRetract();
            table.requestFocus();
            e.consume();
          }
        });
    model
        .retractTarget()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                reason.clear();
                reason.requestFocus();
              }
            });
  }

  VBox root() {
    return root;
  }
}
