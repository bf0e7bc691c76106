package io.kubetel.alerting.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter for retryable failures (5xx, 429, timeouts, connection
 * errors): attempt n waits a random time up to {@code initial * 2^(n-1)}, capped at {@code max}; a
 * {@code Retry-After} the receiver sent wins (capped too). After {@code maxAttempts} the
 * notification stays pending and is tried again at the rule's next evaluation.
 */
public record RetryPolicy(int maxAttempts, Duration initial, Duration max, DoubleSupplier random) {

  /** 5 attempts, 1 s doubling to 30 s. */
  public static RetryPolicy standard() {
    return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Math::random);
  }

  /**
   * The wait before attempt {@code attempt + 1}, after attempt {@code attempt} (1-based) failed.
   */
  public Duration backoff(int attempt, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent()) {
      Duration ra = retryAfter.get();
      return ra.compareTo(max) > 0 ? max : ra;
    }
    long ceiling = initial.toMillis() << Math.min(attempt - 1, 20);
    ceiling = Math.min(ceiling, max.toMillis());
    // Full jitter, at least a tenth of the ceiling so retries never hammer back to back.
    long wait = (long) (ceiling * (0.1 + 0.9 * random.getAsDouble()));
    return Duration.ofMillis(wait);
  }
}
