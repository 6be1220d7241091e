package uz.dhp.forms.app;

import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import uz.dhp.forms.app.DraftIndex.DraftRow;
import uz.dhp.forms.app.DraftIndex.DraftSort;
import uz.dhp.forms.ui.TaskRunner;

/**
 * State and actions of the home screen: the form list and the searchable draft list. Holds no
 * controls; every store call goes through the task runner.
 */
final class HomeViewModel {

  private final DraftIndex drafts;
  private final TaskRunner tasks;
  private final Consumer<Throwable> onError;

  private final ObservableList<FormListing> forms = FXCollections.observableArrayList();
  private final ObservableList<DraftRow> draftRows = FXCollections.observableArrayList();
  private final StringProperty search = new SimpleStringProperty("");
  private final ObjectProperty<DraftSort> sort =
      new SimpleObjectProperty<>(DraftSort.UPDATED_NEWEST);
  private final BooleanProperty showDeleted = new SimpleBooleanProperty(false);
  private final BooleanProperty formsLoaded = new SimpleBooleanProperty(false);
  private final BooleanProperty draftsLoaded = new SimpleBooleanProperty(false);
  private final PauseTransition searchDelay = new PauseTransition(Duration.millis(150));
  private long generation;

  HomeViewModel(DraftIndex drafts, TaskRunner tasks, Consumer<Throwable> onError) {
    this.drafts = drafts;
    this.tasks = tasks;
    this.onError = onError;
    searchDelay.setOnFinished(e -> refresh());
    search.addListener((obs, old, now) -> searchDelay.playFromStart());
    sort.addListener(
        (obs, old, now) -> {
          if (now != null) {
            refresh();
          }
        });
    showDeleted.addListener((obs, old, now) -> refresh());
  }

  ObservableList<FormListing> forms() {
    return forms;
  }

  ObservableList<DraftRow> drafts() {
    return draftRows;
  }

  StringProperty search() {
    return search;
  }

  ObjectProperty<DraftSort> sort() {
    return sort;
  }

  BooleanProperty showDeleted() {
    return showDeleted;
  }

  private boolean formsChecked;

  boolean formsChecked() {
    return formsChecked;
  }

  void markFormsChecked() {
    formsChecked = true;
  }

  BooleanProperty draftsLoaded() {
    return draftsLoaded;
  }

  BooleanProperty formsLoaded() {
    return formsLoaded;
  }

  void setForms(List<FormListing> listings) {
    forms.setAll(listings);
    formsLoaded.set(true);
  }

  /** Reloads the draft list; a slower, older reload never overwrites a newer one. */
  void refresh() {
    long mine = ++generation;
    String query = search.get() == null ? "" : search.get().strip();
    DraftSort order = sort.get() == null ? DraftSort.UPDATED_NEWEST : sort.get();
    boolean deleted = showDeleted.get();
    tasks.run(
        () -> drafts.list(query, order, deleted),
        rows -> {
          if (mine == generation) {
            draftRows.setAll(rows);
            draftsLoaded.set(true);
          }
        },
        onError);
  }

  void create(FormListing.Available form, Consumer<String> opened) {
    tasks.run(
        () -> drafts.create(form.formId(), form.version(), form.definition().canonical()),
        opened,
        onError);
  }

  void delete(DraftRow row, Runnable done) {
    tasks.run(
        () -> {
          drafts.delete(row.id());
          return row;
        },
        r -> {
          refresh();
          done.run();
        },
        onError);
  }

  void restore(DraftRow row) {
    tasks.run(
        () -> {
          drafts.restore(row.id());
          return row;
        },
        r -> refresh(),
        onError);
  }
}
