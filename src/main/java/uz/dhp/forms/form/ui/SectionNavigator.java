package uz.dhp.forms.form.ui;

import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import uz.dhp.forms.ui.I18n;

/**
 * The list of sections on the left: title, answered required / total required, and errors. Counts
 * are bound to the section's live properties, so the list never needs rebuilding.
 */
final class SectionNavigator {

  private static final PseudoClass HAS_ERRORS = PseudoClass.getPseudoClass("has-errors");
  private static final PseudoClass COMPLETE = PseudoClass.getPseudoClass("complete");
  private static final PseudoClass OFF = PseudoClass.getPseudoClass("off");

  private final ListView<Section> list = new ListView<>();
  private final InvalidationListener refresh = o -> list.refresh();

  SectionNavigator(FormEditorViewModel vm, I18n i18n) {
    list.setId("sectionNavigator");
    list.getStyleClass().add("section-navigator");
    list.getItems().setAll(vm.sections());
    list.setCellFactory(l -> new Cell(i18n));
    list.setPrefWidth(260);
    // Fixed-height cells: the list lays out without measuring every entry's text.
    list.setFixedCellSize(46);
    list.getSelectionModel().select(vm.currentSectionProperty().get());
    list.getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (o, a, b) -> {
              if (b.intValue() >= 0) {
                vm.currentSectionProperty().set(b.intValue());
              }
            });
    vm.currentSectionProperty()
        .addListener((o, a, b) -> list.getSelectionModel().select(b.intValue()));
    i18n.messagesProperty().addListener(new javafx.beans.WeakInvalidationListener(refresh));
  }

  ListView<Section> node() {
    return list;
  }

  /** Text of a section's entry, e.g. "Admission — 3/8, 1 error". */
  static String text(I18n i18n, Section s) {
    String title = s.title().in(i18n.language().tag());
    String counts =
        i18n.get(
            "form.ui.nav.counts",
            s.requiredAnsweredProperty().get(),
            s.requiredTotalProperty().get());
    int errors = s.errorsProperty().get();
    return errors == 0
        ? i18n.get("form.ui.nav.entry", title, counts)
        : i18n.get("form.ui.nav.entryErrors", title, counts, errors);
  }

  private static final class Cell extends ListCell<Section> {
    private final I18n i18n;
    private final InvalidationListener refresh = o -> render();

    Cell(I18n i18n) {
      this.i18n = i18n;
      setWrapText(false);
      setPrefWidth(0);
      // The full entry as a tooltip for titles cut short; made when the pointer first comes by,
      // not for every cell while the editor opens.
      setOnMouseEntered(
          e -> {
            if (getTooltip() == null) {
              Tooltip tip = new Tooltip();
              tip.textProperty().bind(textProperty());
              setTooltip(tip);
            }
          });
    }

    @Override
    protected void updateItem(Section s, boolean empty) {
      Section old = getItem();
      if (old != null) {
        old.requiredAnsweredProperty().removeListener(refresh);
        old.requiredTotalProperty().removeListener(refresh);
        old.errorsProperty().removeListener(refresh);
        old.enabledProperty().removeListener(refresh);
      }
      super.updateItem(s, empty);
      if (!empty && s != null) {
        s.requiredAnsweredProperty().addListener(refresh);
        s.requiredTotalProperty().addListener(refresh);
        s.errorsProperty().addListener(refresh);
        s.enabledProperty().addListener(refresh);
      }
      render();
    }

    private void render() {
      Section s = getItem();
      if (isEmpty() || s == null) {
        setText(null);
        return;
      }
      setText(text(i18n, s));
      pseudoClassStateChanged(HAS_ERRORS, s.errorsProperty().get() > 0);
      pseudoClassStateChanged(
          COMPLETE, s.requiredAnsweredProperty().get() == s.requiredTotalProperty().get());
      pseudoClassStateChanged(OFF, !s.enabledProperty().get());
    }
  }
}
