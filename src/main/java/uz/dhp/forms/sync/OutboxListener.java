package uz.dhp.forms.sync;

import uz.dhp.forms.store.OutboxEntry;

/**
 * Told about outbox changes. Called on the outbox worker thread: a UI listener must hand the values
 * over to its own thread and return quickly. A throwing listener is logged and kept.
 */
public interface OutboxListener {

  /** Connection, queue size or next-attempt time changed. */
  default void statusChanged(OutboxStatus status) {}

  /** One row changed state (claimed, sent, rejected, waiting, requeued). */
  default void entryChanged(OutboxEntry entry) {}
}
