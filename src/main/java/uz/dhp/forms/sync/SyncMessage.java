package uz.dhp.forms.sync;

import java.util.List;

/**
 * A user-visible text as a message key ({@code sync*.properties}) with its arguments; the UI
 * localizes it with {@code uz.dhp.forms.i18n.Messages#get(key, args)}.
 */
public record SyncMessage(String key, List<Object> args) {

  public SyncMessage {
    if (!key.startsWith("sync.")) {
      throw new IllegalArgumentException("sync message keys start with sync.");
    }
    args = List.copyOf(args);
  }

  public static SyncMessage of(String key, Object... args) {
    return new SyncMessage(key, List.of(args));
  }

  public Object[] argArray() {
    return args.toArray();
  }
}
