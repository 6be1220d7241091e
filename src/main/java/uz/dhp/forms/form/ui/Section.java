package uz.dhp.forms.form.ui;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import uz.dhp.forms.form.definition.LocalizedText;

/**
 * One entry of the section navigator: a top-level page of the form (or the whole form when it has
 * no pages), with live completeness and error counts.
 */
public final class Section {

  private final int index;
  private final List<String> linkIds;
  private final LocalizedText title;
  final ReadOnlyIntegerWrapper requiredTotal = new ReadOnlyIntegerWrapper();
  final ReadOnlyIntegerWrapper requiredAnswered = new ReadOnlyIntegerWrapper();
  final ReadOnlyIntegerWrapper errors = new ReadOnlyIntegerWrapper();
  final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper(true);

  Section(int index, List<String> linkIds, LocalizedText title) {
    this.index = index;
    this.linkIds = List.copyOf(linkIds);
    this.title = title;
  }

  public int index() {
    return index;
  }

  /** Top-level items shown in this section. */
  public List<String> linkIds() {
    return linkIds;
  }

  public LocalizedText title() {
    return title;
  }

  /** Enabled required questions in the section. */
  public ReadOnlyIntegerProperty requiredTotalProperty() {
    return requiredTotal.getReadOnlyProperty();
  }

  /** Enabled required questions that have an answer. */
  public ReadOnlyIntegerProperty requiredAnsweredProperty() {
    return requiredAnswered.getReadOnlyProperty();
  }

  /** Enabled items with at least one error. */
  public ReadOnlyIntegerProperty errorsProperty() {
    return errors.getReadOnlyProperty();
  }

  /** False when the whole section is switched off by skip logic. */
  public ReadOnlyBooleanProperty enabledProperty() {
    return enabled.getReadOnlyProperty();
  }
}
