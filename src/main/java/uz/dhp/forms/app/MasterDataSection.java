package uz.dhp.forms.app;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.app.MasterDataRows.Note;
import uz.dhp.forms.app.MasterDataRows.Row;
import uz.dhp.forms.ui.I18n;

/**
 * One list of the master-data screen: a table of rows, Add / Remove, and under it the fields of the
 * selected row. Keyboard: Insert or Ctrl+N adds, Delete removes, Enter goes to the fields.
 */
final class MasterDataSection<R extends Row> {

  /** The fields of one row and the one to focus first. */
  record Detail(Region pane, Node first) {}

  private final I18n i18n;
  private final TableView<R> table = new TableView<>();
  private final VBox detailHolder = new VBox();
  private final VBox root;
  private final Function<R, Detail> detailFor;
  private @Nullable Detail detail;

  MasterDataSection(
      I18n i18n,
      String id,
      ObservableList<R> rows,
      Supplier<R> add,
      Consumer<R> remove,
      Function<R, Detail> detailFor) {
    this.i18n = i18n;
    this.detailFor = detailFor;
    table.setId(id + "Table");
    table.setItems(rows);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPrefHeight(220);
    Label empty = new Label();
    empty.textProperty().bind(i18n.text("masterData.table.empty"));
    table.setPlaceholder(empty);
    Button addButton = new Button();
    addButton.setId(id + "Add");
    addButton.textProperty().bind(i18n.text("masterData.add"));
    addButton.setOnAction(e -> added(add.get()));
    Button removeButton = new Button();
    removeButton.setId(id + "Remove");
    removeButton.textProperty().bind(i18n.text("masterData.remove"));
    removeButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    removeButton.setOnAction(e -> removeSelected(remove));
    table.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.INSERT || (e.isShortcutDown() && e.getCode() == KeyCode.N)) {
            added(add.get());
            e.consume();
          } else if (e.getCode() == KeyCode.DELETE) {
            removeSelected(remove);
            e.consume();
          } else if (e.getCode() == KeyCode.ENTER && detail != null) {
            detail.first().requestFocus();
            e.consume();
          }
        });
    table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showDetail(b));
    HBox buttons = new HBox(8, addButton, removeButton);
    root = new VBox(8, table, buttons, detailHolder);
    root.setPadding(new Insets(12));
    VBox.setVgrow(table, Priority.SOMETIMES);
    showDetail(null);
  }

  Region root() {
    return root;
  }

  TableView<R> table() {
    return table;
  }

  /** A text column showing a row value. */
  void column(String titleKey, double width, Function<R, ObservableValue<String>> value) {
    TableColumn<R, String> c = new TableColumn<>();
    c.textProperty().bind(i18n.text(titleKey));
    c.setPrefWidth(width);
    c.setCellValueFactory(cell -> value.apply(cell.getValue()));
    table.getColumns().add(c);
  }

  /** A column with ⚠ for rows that have an error, so problems are seen in the list. */
  void problemColumn() {
    TableColumn<R, String> c = new TableColumn<>("⚠");
    c.setPrefWidth(36);
    c.setMaxWidth(48);
    c.setCellValueFactory(
        cell -> {
          R r = cell.getValue();
          return Bindings.createStringBinding(
              () -> r.errors() > 0 ? "⚠" : "", r.notes().toArray(new javafx.beans.Observable[0]));
        });
    table.getColumns().add(0, c);
  }

  private void added(R row) {
    table.getSelectionModel().select(row);
    table.scrollTo(row);
    if (detail != null) {
      detail.first().requestFocus();
    }
  }

  private void removeSelected(Consumer<R> remove) {
    R r = table.getSelectionModel().getSelectedItem();
    if (r != null) {
      remove.accept(r);
      table.requestFocus();
    }
  }

  private void showDetail(@Nullable R row) {
    if (row == null) {
      detail = null;
      Label hint = new Label();
      hint.textProperty().bind(i18n.text("masterData.selectRow"));
      hint.setWrapText(true);
      detailHolder.getChildren().setAll(hint);
      return;
    }
    detail = detailFor.apply(row);
    detailHolder.getChildren().setAll(detail.pane());
  }

  /** A labelled text field bound to {@code value}, with its inline message under it. */
  static VBox field(
      I18n i18n,
      String id,
      String labelKey,
      TextField field,
      StringProperty value,
      @Nullable ObjectProperty<@Nullable Note> note) {
    field.setId(id);
    field.setPrefColumnCount(Math.max(field.getPrefColumnCount(), 16));
    field.textProperty().bindBidirectional(value);
    Label label = new Label();
    label.textProperty().bind(i18n.text(labelKey));
    label.setLabelFor(field);
    field.accessibleTextProperty().bind(label.textProperty());
    VBox box = new VBox(2, label, field);
    if (note != null) {
      Label message = noteLabel(i18n, id + "Note", note, false);
      message.setMaxWidth(300);
      box.getChildren().add(message);
    }
    box.setMinWidth(160);
    return box;
  }

  /**
   * The localized text of a note, styled as error or warning (or plain, for a status line whose
   * warnings are just information); empty when there is none.
   */
  static Label noteLabel(
      I18n i18n, String id, ObjectProperty<@Nullable Note> note, boolean plainWarnings) {
    Label l = new Label();
    l.setId(id);
    l.setWrapText(true);
    l.setMaxWidth(520);
    l.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  Note n = note.get();
                  return n == null ? "" : i18n.get(n.key(), n.args().toArray());
                },
                note,
                i18n.messagesProperty()));
    Runnable style =
        () -> {
          Note n = note.get();
          l.getStyleClass().removeAll("field-error", "field-warning");
          if (n != null) {
            l.getStyleClass().add(n.error() ? "field-error" : "field-warning");
          }
          String color =
              n == null || (!n.error() && plainWarnings) ? "" : n.error() ? "#b00020" : "#8a5a00";
          l.setStyle(color.isEmpty() ? "" : "-fx-text-fill: " + color + ";");
        };
    // Weak: the row outlives the fields shown for it while it is selected.
    javafx.beans.InvalidationListener restyle = o -> style.run();
    l.getProperties().put("restyle", restyle);
    note.addListener(new javafx.beans.WeakInvalidationListener(restyle));
    style.run();
    l.managedProperty().bind(l.textProperty().isNotEmpty());
    l.visibleProperty().bind(l.textProperty().isNotEmpty());
    return l;
  }
}
