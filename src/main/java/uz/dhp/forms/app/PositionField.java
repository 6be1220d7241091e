package uz.dhp.forms.app;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Popup;
import uz.dhp.forms.terminology.Concept;
import uz.dhp.forms.ui.I18n;

/**
 * The position-code field of a practitioner: free text, with suggestions from the position code
 * list when it is available on this PC. Focus stays in the field: Down / Up move in the list, Enter
 * or Tab picks, Escape closes.
 */
final class PositionField {

  private final TextField field = new TextField();
  private final Popup popup = new Popup();
  private final ListView<Concept> list = new ListView<>();
  private final I18n i18n;
  private final Consumer<Concept> onPick;
  private boolean picking;
  private long query;

  PositionField(I18n i18n, MasterDataViewModel vm, Consumer<Concept> onPick) {
    this.i18n = i18n;
    this.onPick = onPick;
    list.setFocusTraversable(false);
    list.setPrefSize(460, 220);
    list.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(Concept c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? "" : c.code() + "  " + c.display(lang()));
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
    field
        .textProperty()
        .addListener(
            (o, a, text) -> {
              if (picking || !field.isFocused() || text.isBlank()) {
                popup.hide();
                return;
              }
              long q = ++query;
              vm.searchPositions(
                  text,
                  lang(),
                  hits -> {
                    if (q == query && field.isFocused()) {
                      show(hits);
                    }
                  });
            });
    vm.preparePositions();
  }

  TextField field() {
    return field;
  }

  private String lang() {
    return i18n.language().tag();
  }

  private void show(List<Concept> hits) {
    list.getItems().setAll(hits);
    if (hits.isEmpty()) {
      popup.hide();
      return;
    }
    list.getSelectionModel().select(0);
    if (!popup.isShowing() && field.getScene() != null && field.getScene().getWindow() != null) {
      Bounds b = field.localToScreen(field.getBoundsInLocal());
      if (b != null) {
        popup.show(field, b.getMinX(), b.getMaxY());
      }
    }
  }

  private void key(KeyEvent e) {
    if (!popup.isShowing()) {
      return;
    }
    if (e.getCode() == KeyCode.DOWN) {
      list.getSelectionModel().selectNext();
      list.scrollTo(list.getSelectionModel().getSelectedIndex());
      e.consume();
    } else if (e.getCode() == KeyCode.UP) {
      list.getSelectionModel().selectPrevious();
      list.scrollTo(list.getSelectionModel().getSelectedIndex());
      e.consume();
    } else if (e.getCode() == KeyCode.ENTER) {
      pickSelected();
      e.consume();
    } else if (e.getCode() == KeyCode.TAB && !e.isShiftDown()) {
      pickSelected();
    } else if (e.getCode() == KeyCode.ESCAPE) {
      popup.hide();
      e.consume();
    }
  }

  private void pickSelected() {
    Concept c = list.getSelectionModel().getSelectedItem();
    popup.hide();
    if (c != null) {
      picking = true;
      onPick.accept(c);
      picking = false;
    }
  }
}
