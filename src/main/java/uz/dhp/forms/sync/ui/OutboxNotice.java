package uz.dhp.forms.sync.ui;

import java.util.List;
import uz.dhp.forms.sync.SyncMessage;

/**
 * The outcome of the last action on the outbox screen: a message key with its arguments, from the
 * sync bundle or, for a retraction, from whoever created it.
 */
public record OutboxNotice(String key, List<Object> args) {

  public OutboxNotice {
    java.util.Objects.requireNonNull(key, "key");
    args = List.copyOf(args);
  }

  static OutboxNotice of(SyncMessage message) {
    return new OutboxNotice(message.key(), message.args());
  }

  public Object[] argArray() {
    return args.toArray();
  }
}
