package uz.dhp.forms.ui;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import uz.dhp.forms.i18n.Messages;
import uz.dhp.forms.i18n.UiLanguage;

/**
 * The current UI language as an observable value. Views bind their texts through {@link #text} so
 * that switching the language changes every visible string at once, without rebuilding views.
 */
public final class I18n {

  private final ReadOnlyObjectWrapper<Messages> messages;

  public I18n(UiLanguage initial) {
    this.messages = new ReadOnlyObjectWrapper<>(new Messages(initial));
  }

  public ReadOnlyObjectProperty<Messages> messagesProperty() {
    return messages.getReadOnlyProperty();
  }

  public Messages messages() {
    return messages.get();
  }

  public UiLanguage language() {
    return messages.get().language();
  }

  public void setLanguage(UiLanguage language) {
    if (language != language()) {
      messages.set(new Messages(Objects.requireNonNull(language)));
    }
  }

  /** The text of {@code key}, re-evaluated when the language changes. */
  public StringBinding text(String key, Object... args) {
    return Bindings.createStringBinding(() -> messages.get().get(key, args), messages);
  }

  /**
   * The text of {@code key} with arguments taken from observable values, re-evaluated when the
   * language or any argument changes.
   */
  public StringBinding text(String key, ObservableValue<?>... args) {
    Object[] deps = new Object[args.length + 1];
    deps[0] = messages;
    System.arraycopy(args, 0, deps, 1, args.length);
    return Bindings.createStringBinding(
        () -> {
          Object[] values = new Object[args.length];
          for (int i = 0; i < args.length; i++) {
            values[i] = args[i].getValue();
          }
          return messages.get().get(key, values);
        },
        java.util.Arrays.copyOf(deps, deps.length, javafx.beans.Observable[].class));
  }

  /** Localized text now (for one-off strings, e.g. a notification). */
  public String get(String key, Object... args) {
    return messages.get().get(key, args);
  }
}
