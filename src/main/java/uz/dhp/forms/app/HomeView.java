package uz.dhp.forms.app;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import uz.dhp.forms.app.DraftIndex.DraftRow;
import uz.dhp.forms.app.DraftIndex.DraftSort;
import uz.dhp.forms.ui.I18n;

/** The home screen: forms to start from on the left, the searchable draft list on the right. */
final class HomeView {

  private final HomeViewModel model;
  private final I18n i18n;
  private final Consumer<String> openDraft;
  private final Consumer<DraftRow> confirmDelete;
  private final HBox root;
  private final TextField searchField = new TextField();
  private ListView<FormListing> formList;
  private final TableView<DraftRow> table = new TableView<>();

  private final String formsDir;

  HomeView(
      HomeViewModel model,
      I18n i18n,
      String formsDir,
      Consumer<String> openDraft,
      Consumer<DraftRow> confirmDelete) {
    this.model = model;
    this.formsDir = formsDir;
    this.i18n = i18n;
    this.openDraft = openDraft;
    this.confirmDelete = confirmDelete;
    VBox formsPane = buildForms();
    VBox draftsPane = buildDrafts();
    HBox.setHgrow(draftsPane, Priority.ALWAYS);
    root = new HBox(16, formsPane, draftsPane);
    root.setPadding(new Insets(12));
    root.setId("home");
  }

  Region root() {
    return root;
  }

  /** Puts the keyboard on the form list: arrows choose a form, Enter starts a draft. */
  void focusForms() {
    formList.requestFocus();
  }

  void focusSearch() {
    searchField.requestFocus();
    searchField.selectAll();
  }

  private VBox buildForms() {
    Label title = heading("home.forms.title");
    ListView<FormListing> list = new ListView<>(model.forms());
    formList = list;
    list.setId("formList");
    list.setPrefWidth(320);
    list.accessibleTextProperty().bind(i18n.text("home.forms.title"));
    list.setCellFactory(
        v -> {
          FormCell cell = new FormCell();
          // Wrap long reasons instead of widening every cell past the list.
          cell.setWrapText(true);
          cell.prefWidthProperty().bind(v.widthProperty().subtract(24));
          return cell;
        });
    Label placeholder = new Label();
    placeholder.setWrapText(true);
    placeholder
        .textProperty()
        .bind(
            Bindings.when(model.formsLoaded())
                .then(i18n.text("home.forms.none", formsDir))
                .otherwise(i18n.text("home.forms.loading")));
    list.setPlaceholder(placeholder);
    title.setLabelFor(list);

    Button create = new Button();
    create.setId("newDraft");
    create.textProperty().bind(i18n.text("home.forms.new"));
    create
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () ->
                    !(list.getSelectionModel().getSelectedItem() instanceof FormListing.Available),
                list.getSelectionModel().selectedItemProperty()));
    Runnable start =
        () -> {
          if (list.getSelectionModel().getSelectedItem() instanceof FormListing.Available form
              && form.checked()) {
            model.create(form, openDraft);
          }
        };
    create.setOnAction(e -> start.run());
    list.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            start.run();
          }
        });
    list.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            start.run();
          }
        });
    VBox box = new VBox(8, title, list, create);
    VBox.setVgrow(list, Priority.ALWAYS);
    return box;
  }

  private VBox buildDrafts() {
    Label title = heading("home.drafts.title");

    searchField.setId("draftSearch");
    searchField.promptTextProperty().bind(i18n.text("home.drafts.search.prompt"));
    searchField.accessibleTextProperty().bind(i18n.text("home.drafts.search.prompt"));
    searchField.textProperty().bindBidirectional(model.search());
    HBox.setHgrow(searchField, Priority.ALWAYS);

    ComboBox<DraftSort> sort = new ComboBox<>();
    sort.setId("draftSort");
    sort.getItems().setAll(DraftSort.values());
    sort.valueProperty().bindBidirectional(model.sort());
    sort.accessibleTextProperty().bind(i18n.text("home.drafts.sort"));
    sort.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(DraftSort s) {
            return s == null ? "" : i18n.get("home.drafts.sort." + s.name().toLowerCase());
          }

          @Override
          public DraftSort fromString(String s) {
            return null;
          }
        });
    // Re-render the sort labels when the language changes (a new cell factory forces it).
    i18n.messagesProperty()
        .addListener(
            (o, a, b) -> {
              var converter = sort.getConverter();
              sort.setConverter(null);
              sort.setConverter(converter);
            });

    CheckBox deleted = new CheckBox();
    deleted.setId("showDeleted");
    deleted.textProperty().bind(i18n.text("home.drafts.showDeleted"));
    deleted.selectedProperty().bindBidirectional(model.showDeleted());

    HBox filters = new HBox(8, searchField, sort, deleted);
    buildTable();

    Button open = new Button();
    open.setId("openDraft");
    open.textProperty().bind(i18n.text("home.drafts.open"));
    Button delete = new Button();
    delete.setId("deleteDraft");
    delete.textProperty().bind(i18n.text("home.drafts.delete"));
    Button restore = new Button();
    restore.setId("restoreDraft");
    restore.textProperty().bind(i18n.text("home.drafts.restore"));
    var selected = table.getSelectionModel().selectedItemProperty();
    open.disableProperty().bind(selected.isNull());
    delete
        .disableProperty()
        .bind(Bindings.createBooleanBinding(() -> sel() == null || sel().deleted(), selected));
    restore
        .disableProperty()
        .bind(Bindings.createBooleanBinding(() -> sel() == null || !sel().deleted(), selected));
    restore.visibleProperty().bind(model.showDeleted());
    restore.managedProperty().bind(model.showDeleted());
    open.setOnAction(e -> openSelected());
    delete.setOnAction(e -> confirmDelete.accept(sel()));
    restore.setOnAction(e -> model.restore(sel()));

    Label empty = new Label();
    empty.setWrapText(true);
    empty
        .textProperty()
        .bind(
            Bindings.when(model.draftsLoaded())
                .then(i18n.text("home.drafts.empty"))
                .otherwise(i18n.text("home.drafts.loading")));
    table.setPlaceholder(empty);

    VBox box = new VBox(8, title, filters, table, new HBox(8, open, delete, restore));
    VBox.setVgrow(table, Priority.ALWAYS);
    return box;
  }

  private DraftRow sel() {
    return table.getSelectionModel().getSelectedItem();
  }

  private void openSelected() {
    DraftRow row = sel();
    if (row != null && !row.deleted()) {
      openDraft.accept(row.id());
    }
  }

  private void buildTable() {
    table.setId("draftTable");
    table.setItems(model.drafts());
    table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.accessibleTextProperty().bind(i18n.text("home.drafts.title"));
    table
        .getColumns()
        .setAll(
            List.of(
                column("home.drafts.col.patient", r -> r.patientName()),
                column("home.drafts.col.pinfl", r -> r.pinfl()),
                column("home.drafts.col.form", r -> r.formId()),
                column(
                    "home.drafts.col.status",
                    r -> i18n.get(r.deleted() ? "draft.status.deleted" : r.statusKey())),
                column(
                    "home.drafts.col.updated",
                    r -> uz.dhp.forms.ui.ClinicTime.format(r.updated()))));
    table.setRowFactory(
        t -> {
          TableRow<DraftRow> row = new TableRow<>();
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                  openSelected();
                }
              });
          return row;
        });
    table.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            openSelected();
          } else if (e.getCode() == KeyCode.DELETE && sel() != null && !sel().deleted()) {
            confirmDelete.accept(sel());
          }
        });
  }

  private TableColumn<DraftRow, String> column(
      String key, java.util.function.Function<DraftRow, String> value) {
    TableColumn<DraftRow, String> c = new TableColumn<>();
    c.textProperty().bind(i18n.text(key));
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(nullToEmpty(value.apply(d.getValue()))));
    return c;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private Label heading(String key) {
    Label l = new Label();
    l.textProperty().bind(i18n.text(key));
    l.getStyleClass().add("heading");
    l.setAccessibleRole(AccessibleRole.TEXT);
    return l;
  }

  /** A form in the list: title and version, or greyed out with the reason it cannot be used. */
  private final class FormCell extends ListCell<FormListing> {
    FormCell() {
      i18n.messagesProperty().addListener((o, a, b) -> updateItem(getItem(), isEmpty()));
    }

    @Override
    protected void updateItem(FormListing item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().remove("unavailable");
      if (empty || item == null) {
        setText(null);
        setAccessibleText(null);
        return;
      }
      String text;
      if (item instanceof FormListing.Available a) {
        text = i18n.get("home.forms.entry", a.title(i18n.language()), a.version());
        if (!a.checked()) {
          text += " — " + i18n.get("home.forms.checking");
        } else if (a.warnings() > 0) {
          text += " — " + i18n.get("home.forms.warnings", a.warnings());
        }
      } else {
        FormListing.Unavailable u = (FormListing.Unavailable) item;
        getStyleClass().add("unavailable");
        text =
            i18n.get(
                "home.forms.unavailable",
                u.file().getFileName().toString(),
                i18n.get(u.reasonKey(), u.args().toArray()));
      }
      setText(text);
      setAccessibleText(text);
    }
  }
}
