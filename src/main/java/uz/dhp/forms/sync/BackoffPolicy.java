package uz.dhp.forms.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with full jitter ({@code random(0, min(cap, base·2^(n-1)))}), never
 * shorter than {@code floor} and never shorter than the server's {@code Retry-After} (itself capped
 * at {@code maxRetryAfter}, so a broken header cannot park a document for days).
 */
public record BackoffPolicy(Duration base, Duration cap, Duration floor, Duration maxRetryAfter) {

  public BackoffPolicy {
    if (base.isNegative() || cap.compareTo(base) < 0 || floor.isNegative()) {
      throw new IllegalArgumentException("need 0 ≤ base ≤ cap and floor ≥ 0");
    }
  }

  /** For a clinic link: 5 s base, 15 min cap, 1 s floor, Retry-After honoured up to 1 h. */
  public static BackoffPolicy defaults() {
    return new BackoffPolicy(
        Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofHours(1));
  }

  /** Delay before attempt {@code attempt + 1}, after {@code attempt} failed attempts (≥ 1). */
  public Duration delay(int attempt, Optional<Duration> retryAfter, RandomGenerator random) {
    int shift = Math.max(0, Math.min(attempt - 1, 30));
    long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(shift, 20));
    long jittered = ceiling <= 0 ? 0 : random.nextLong(ceiling + 1);
    long ms = Math.max(jittered, floor.toMillis());
    if (retryAfter.isPresent()) {
      long asked = Math.min(retryAfter.get().toMillis(), maxRetryAfter.toMillis());
      ms = Math.max(ms, asked);
    }
    return Duration.ofMillis(ms);
  }
}
