package uz.dhp.forms.app;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import uz.dhp.forms.ui.I18n;

/**
 * What the status bar says about background work that takes longer than a second: the document
 * checker being built, code lists being imported. Busy shows a progress indicator; the text says
 * what is going on (and is what a screen reader reads). FX thread only.
 */
final class BackgroundStatus {

  private final I18n i18n;
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final StringProperty text = new SimpleStringProperty("");

  BackgroundStatus(I18n i18n) {
    this.i18n = i18n;
  }

  BooleanProperty busy() {
    return busy;
  }

  StringProperty text() {
    return text;
  }

  /** "Preparing document checks" until {@code checker} is built; then nothing, or unavailable. */
  void followChecker(CompletableFuture<?> checker) {
    preparingChecker();
    checker.whenComplete((v, e) -> Platform.runLater(() -> checkerDone(e == null)));
  }

  void preparingChecker() {
    busy.set(true);
    text.set(i18n.get("status.documents.preparing"));
  }

  void checkerDone(boolean ready) {
    busy.set(false);
    text.set(ready ? "" : i18n.get("status.documents.unavailable"));
  }

  /** Shows {@code key}'s text while a job runs; the returned action puts back what was there. */
  Runnable during(String key) {
    String before = text.get();
    busy.set(true);
    text.set(i18n.get(key));
    return () -> {
      busy.set(false);
      text.set(before);
    };
  }
}
