package uz.dhp.forms.form.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Bounds;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.stage.Popup;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A list of suggestions under a text field. Focus stays in the field: Up/Down move the selection,
 * Enter picks, Escape closes; a click picks too. Used by coded fields and the field finder. The
 * popup window and its list are made on the first suggestion: a form has many coded fields and most
 * are never typed into.
 */
final class SuggestionPopup<T> {

  private final TextField field;
  private final Function<T, String> text;
  private @Nullable Popup popup;
  private @Nullable ListView<T> list;
  private Consumer<T> onPick = t -> {};

  SuggestionPopup(TextField field, Function<T, String> text) {
    this.field = field;
    this.text = text;
    field.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    field
        .focusedProperty()
        .addListener(
            (o, was, is) -> {
              if (!is) {
                hide();
              }
            });
  }

  private ListView<T> list() {
    if (list != null) {
      return list;
    }
    ListView<T> list = new ListView<>();
    this.list = list;
    list.getStyleClass().add("suggestions");
    list.setPrefHeight(240);
    list.setPrefWidth(420);
    list.setFocusTraversable(false);
    list.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : text.apply(item));
              }
            });
    list.setOnMouseClicked(e -> pickSelected());
    Popup popup = new Popup();
    this.popup = popup;
    popup.getContent().add(list);
    popup.setAutoHide(true);
    return list;
  }

  void onPick(Consumer<T> action) {
    this.onPick = action;
  }

  boolean isShowing() {
    return popup != null && popup.isShowing();
  }

  List<T> items() {
    return list == null ? List.of() : list.getItems();
  }

  void show(List<T> items) {
    if (items.isEmpty()) {
      hide();
      if (list != null) {
        list.getItems().clear();
      }
      return;
    }
    ListView<T> list = list();
    list.getItems().setAll(items);
    list.getSelectionModel().select(0);
    list.scrollTo(0);
    Popup popup = this.popup;
    if (popup != null
        && !popup.isShowing()
        && field.getScene() != null
        && field.getScene().getWindow() != null) {
      Bounds b = field.localToScreen(field.getBoundsInLocal());
      if (b != null) {
        popup.show(field, b.getMinX(), b.getMaxY());
      }
    }
  }

  void hide() {
    if (popup != null) {
      popup.hide();
    }
  }

  private void key(KeyEvent e) {
    ListView<T> list = this.list;
    if (!isShowing() || list == null) {
      return;
    }
    switch (e.getCode()) {
      case DOWN -> {
        list.getSelectionModel().selectNext();
        list.scrollTo(list.getSelectionModel().getSelectedIndex());
        e.consume();
      }
      case UP -> {
        list.getSelectionModel().selectPrevious();
        list.scrollTo(list.getSelectionModel().getSelectedIndex());
        e.consume();
      }
      case ENTER, TAB -> {
        if (e.getCode() == javafx.scene.input.KeyCode.ENTER || !e.isShiftDown()) {
          pickSelected();
          if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
            e.consume();
          }
        }
      }
      case ESCAPE -> {
        hide();
        e.consume();
      }
      default -> {}
    }
  }

  private void pickSelected() {
    T t = list == null ? null : list.getSelectionModel().getSelectedItem();
    hide();
    if (t != null) {
      onPick.accept(t);
    }
  }
}
