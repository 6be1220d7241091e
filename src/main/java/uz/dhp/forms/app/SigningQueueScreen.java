package uz.dhp.forms.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import uz.dhp.forms.app.DocumentWorkflow.Signer;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.signing.AttestedNarrative;
import uz.dhp.forms.signing.CeremonyOutcome;
import uz.dhp.forms.signing.ui.DocumentPreview;
import uz.dhp.forms.signing.ui.SigningView;
import uz.dhp.forms.store.SigningQueueOutcome;
import uz.dhp.forms.store.UnsignedDocument;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.TaskRunner;

/**
 * "Awaiting signature": the practitioner picks a finalized document, reads what they attest (its
 * narrative) and signs it in the embedded signing page; the next one is selected, so several are
 * signed in one sitting. Cancel or a failed check leaves the document awaiting, nothing attached.
 */
final class SigningQueueScreen {

  private final OnDemand<DocumentServices> services;
  private final TaskRunner tasks;
  private final I18n i18n;
  private final Consumer<String> notify;
  private final java.util.function.Supplier<Optional<ClinicMasterData>> masterData;
  private final BorderPane root = new BorderPane();
  private final TableView<UnsignedDocument> table = new TableView<>();
  private final DocumentPreview preview = new DocumentPreview();
  private final StackPane center = new StackPane();
  private final Button signButton = new Button();
  private final Label empty = new Label();
  private SigningView signingView;
  private boolean signing;

  SigningQueueScreen(
      OnDemand<DocumentServices> services,
      java.util.function.Supplier<Optional<ClinicMasterData>> masterData,
      TaskRunner tasks,
      I18n i18n,
      Runnable back,
      Consumer<String> notify) {
    this.services = services;
    this.masterData = masterData;
    this.tasks = tasks;
    this.i18n = i18n;
    this.notify = notify;
    root.setId("signingQueue");

    Button backButton = new Button();
    backButton.setId("signingBack");
    backButton.textProperty().bind(i18n.text("draft.back"));
    backButton.setOnAction(e -> back.run());
    Label title = new Label();
    title.getStyleClass().add("heading");
    title.textProperty().bind(i18n.text("sign.title"));
    Label hint = new Label();
    hint.textProperty().bind(i18n.text("sign.hint"));
    hint.setWrapText(true);
    HBox top = new HBox(12, backButton, title);
    top.setAlignment(Pos.CENTER_LEFT);
    VBox head = new VBox(6, top, hint);
    head.setPadding(new Insets(8, 12, 8, 12));
    root.setTop(head);

    table.setId("awaitingTable");
    table.accessibleTextProperty().bind(i18n.text("sign.title"));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(column("sign.column.patient", d -> patientOf(d)));
    table.getColumns().add(column("sign.column.form", this::formOf));
    table.getColumns().add(column("sign.column.finalized", this::finalizedAt));
    empty.textProperty().bind(i18n.text("sign.empty"));
    empty.setWrapText(true);
    table.setPlaceholder(empty);
    table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showPreview(now));
    table.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER && !signing) {
            signSelected();
            e.consume();
          }
        });

    signButton.setId("signSelected");
    signButton.textProperty().bind(i18n.text("sign.button"));
    signButton.setDefaultButton(false);
    signButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    signButton.setOnAction(e -> signSelected());
    HBox actions = new HBox(12, signButton);
    actions.setPadding(new Insets(8, 12, 8, 12));
    actions.setAlignment(Pos.CENTER_RIGHT);

    center.getChildren().setAll(preview.root());
    VBox right = new VBox(retractionNotice(), center);
    VBox.setVgrow(center, javafx.scene.layout.Priority.ALWAYS);
    SplitPane split = new SplitPane(table, right);
    split.setDividerPositions(0.38);
    root.setCenter(split);
    root.setBottom(actions);
  }

  private TableColumn<UnsignedDocument, String> column(
      String key, java.util.function.Function<UnsignedDocument, String> value) {
    TableColumn<UnsignedDocument, String> c = new TableColumn<>();
    c.textProperty().bind(i18n.text(key));
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    return c;
  }

  /** "form-003 · v2", or for a retraction "Retraction · form-003 · v2": she sees what she signs. */
  private String formOf(UnsignedDocument d) {
    return d.retraction().isPresent()
        ? i18n.get("sign.retraction.form", d.formId(), d.version())
        : d.formId() + " · v" + d.version();
  }

  /** Above the text of a chosen retraction: what signing it does, and the reason given. */
  private Label retractionNotice() {
    Label notice = new Label();
    notice.setId("signingRetractionNotice");
    notice.setWrapText(true);
    notice.setMaxWidth(Double.MAX_VALUE);
    notice.setPadding(new Insets(8, 12, 8, 12));
    notice.setStyle("-fx-background-color: #fff4e0; -fx-font-weight: bold;");
    var selected = table.getSelectionModel().selectedItemProperty();
    notice
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> {
                  UnsignedDocument d = selected.get();
                  if (d == null || d.retraction().isEmpty()) {
                    return "";
                  }
                  return d.retraction()
                      .get()
                      .reason()
                      .map(r -> i18n.get("sign.retraction.noticeReason", r))
                      .orElseGet(() -> i18n.get("sign.retraction.notice"));
                },
                selected,
                i18n.messagesProperty()));
    notice.accessibleTextProperty().bind(notice.textProperty());
    notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
    notice.managedProperty().bind(notice.visibleProperty());
    return notice;
  }

  private String patientOf(UnsignedDocument d) {
    String name = d.patientName().isBlank() ? "—" : d.patientName();
    return d.pinfl().isBlank() ? name : name + " · " + d.pinfl();
  }

  private String finalizedAt(UnsignedDocument d) {
    return uz.dhp.forms.ui.ClinicTime.format(d.created());
  }

  Region root() {
    return root;
  }

  List<UnsignedDocument> rows() {
    return List.copyOf(table.getItems());
  }

  /** Reloads the list (in the background) and keeps or moves the selection. */
  void refresh() {
    String selected =
        Optional.ofNullable(table.getSelectionModel().getSelectedItem())
            .map(UnsignedDocument::id)
            .orElse(null);
    tasks.run(
        () -> services.start().join().workflow().awaiting(),
        rows -> {
          table.getItems().setAll(rows);
          int index = 0;
          for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(selected)) {
              index = i;
            }
          }
          if (!rows.isEmpty()) {
            table.getSelectionModel().select(index);
            table.requestFocus();
          } else {
            preview.clear();
          }
        },
        this::failed);
  }

  private void showPreview(UnsignedDocument doc) {
    if (doc == null) {
      preview.clear();
      return;
    }
    preview.show(
        AttestedNarrative.html(doc.bytes(), "uz")
            .orElse("<p>" + i18n.get("sign.previewUnavailable") + "</p>"));
  }

  /** Signs the selected document (the practitioner chosen as its author signs). */
  void signSelected() {
    UnsignedDocument doc = table.getSelectionModel().getSelectedItem();
    if (doc == null || signing) {
      return;
    }
    signing = true;
    signButton.disableProperty().unbind();
    signButton.setDisable(true);
    tasks.run(
        () -> {
          DocumentServices s = services.start().join();
          Optional<Signer> signer = s.workflow().signerOf(doc);
          if (s.signing().isPresent()) {
            masterData.get().ifPresent(m -> s.signing().get().enrol(m));
          }
          return new Prepared(s, signer);
        },
        prepared -> begin(doc, prepared),
        e -> {
          ended();
          failed(e);
        });
  }

  private record Prepared(DocumentServices services, Optional<Signer> signer) {}

  private void begin(UnsignedDocument doc, Prepared prepared) {
    if (prepared.services().signing().isEmpty()) {
      ended();
      notify.accept(i18n.get("sign.unavailable"));
      return;
    }
    if (prepared.signer().isEmpty()) {
      ended();
      notify.accept(i18n.get("sign.noSigner"));
      return;
    }
    if (signingView == null) {
      signingView = new SigningView(prepared.services().signing().get().service(), tasks, i18n);
    }
    center.getChildren().setAll(signingView.root());
    Signer signer = prepared.signer().get();
    signingView.sign(
        doc.bytes(), signer.role(), signer.pinfl(), outcome -> finished(doc, prepared, outcome));
  }

  private void finished(UnsignedDocument doc, Prepared prepared, CeremonyOutcome outcome) {
    center.getChildren().setAll(preview.root());
    if (outcome instanceof CeremonyOutcome.Signed s) {
      tasks.run(
          () -> prepared.services().workflow().storeSigned(doc, s.document()),
          stored -> {
            if (stored instanceof SigningQueueOutcome.Queued) {
              prepared.services().outbox().documentQueued();
              notify.accept(i18n.get("sign.done"));
            } else {
              notify.accept(i18n.get("sign.notStored"));
            }
            ended();
            refresh();
          },
          e -> {
            ended();
            failed(e);
          });
      return;
    }
    ended();
    if (outcome instanceof CeremonyOutcome.Rejected r) {
      notify.accept(i18n.get("sign.rejected", i18n.get(r.reasonKey(), r.args().toArray())));
    } else {
      notify.accept(i18n.get("sign.cancelled"));
    }
    table.requestFocus();
  }

  private void ended() {
    signing = false;
    signButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
  }

  /** Leaving the screen ends a running ceremony (nothing is attached). */
  void close() {
    if (signingView != null && signingView.isActive()) {
      signingView.cancel();
    }
  }

  private void failed(Throwable e) {
    Throwable cause =
        e instanceof java.util.concurrent.CompletionException && e.getCause() != null
            ? e.getCause()
            : e;
    if (cause instanceof UserFacingFailure f) {
      notify.accept(i18n.get(f.key(), f.args()));
    } else {
      notify.accept(i18n.get("sign.failed"));
      org.slf4j.LoggerFactory.getLogger(SigningQueueScreen.class)
          .error("Signing step failed", ErrorReporter.withoutMessages(cause));
    }
  }
}
