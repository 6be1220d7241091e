package uz.dhp.forms.support;

import java.util.UUID;

/**
 * Source of unique ids. Injected wherever ids are minted so that document assembly is deterministic
 * in tests (see {@link #sequential(String)}).
 */
@FunctionalInterface
public interface IdGenerator {

  /** A new unique id, lower-case UUID text without a {@code urn:uuid:} prefix. */
  String newId();

  /** Random (version 4) UUIDs, for production. */
  static IdGenerator random() {
    return () -> UUID.randomUUID().toString();
  }

  /**
   * Name-based UUIDs derived from a seed and a counter: the same seed gives the same sequence, for
   * golden-file tests.
   */
  static IdGenerator sequential(String seed) {
    var counter = new java.util.concurrent.atomic.AtomicLong();
    return () ->
        UUID.nameUUIDFromBytes(
                (seed + ":" + counter.incrementAndGet())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString();
  }
}
