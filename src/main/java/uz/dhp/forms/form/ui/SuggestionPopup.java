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

/**
 * A list of suggestions under a text field. Focus stays in the field: Up/Down move the selection,
 * Enter picks, Escape closes; a click picks too. Used by coded fields and the field finder.
 */
final class SuggestionPopup<T> {

  private final TextField field;
  private final Popup popup = new Popup();
  private final ListView<T> list = new ListView<>();
  private Consumer<T> onPick = t -> {};

  SuggestionPopup(TextField field, Function<T, String> text) {
    this.field = field;
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
    popup.getContent().add(list);
    popup.setAutoHide(true);
    field.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    field
        .focusedProperty()
        .addListener(
            (o, was, is) -> {
              if (!is) {
                popup.hide();
              }
            });
  }

  void onPick(Consumer<T> action) {
    this.onPick = action;
  }

  boolean isShowing() {
    return popup.isShowing();
  }

  List<T> items() {
    return list.getItems();
  }

  void show(List<T> items) {
    list.getItems().setAll(items);
    if (items.isEmpty()) {
      popup.hide();
      return;
    }
    list.getSelectionModel().select(0);
    list.scrollTo(0);
    if (!popup.isShowing() && field.getScene() != null && field.getScene().getWindow() != null) {
      Bounds b = field.localToScreen(field.getBoundsInLocal());
      if (b != null) {
        popup.show(field, b.getMinX(), b.getMaxY());
      }
    }
  }

  void hide() {
    popup.hide();
  }

  private void key(KeyEvent e) {
    if (!popup.isShowing()) {
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
        popup.hide();
        e.consume();
      }
      default -> {}
    }
  }

  private void pickSelected() {
    T t = list.getSelectionModel().getSelectedItem();
    popup.hide();
    if (t != null) {
      onPick.accept(t);
    }
  }
}
