package io.kubetel.operator.retry;

import io.javaoperatorsdk.operator.processing.retry.Retry;
import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.time.Duration;
import java.util.Optional;

/**
 * The operator's retry policy, handed to JOSDK (which counts the attempts per resource and
 * schedules them): the first retry after {@code first}, each later one after twice the previous
 * delay, never longer than {@code max}, never giving up. A failing resource is retried until it
 * heals; the cap keeps an outage from flooding the API server or ClickHouse.
 *
 * <p>JOSDK's own {@code GenericRetry} repeats its first interval once (5 s, 5 s, 10 s, ...); this
 * policy keeps the documented 5 s, 10 s, 20 s, ... 5 min.
 */
public final class ExponentialBackoff implements Retry {

  private final Duration first;
  private final Duration max;

  /**
   * 5 s, doubling, up to 5 min: what {@code @ControllerConfiguration(retry = ...)} instantiates.
   */
  public ExponentialBackoff() {
    this(Duration.ofSeconds(5), Duration.ofMinutes(5));
  }

  public ExponentialBackoff(Duration first, Duration max) {
    this.first = first;
    this.max = max;
  }

  /** The delay before retry number {@code attempt} (1-based), doubling up to the maximum. */
  public Duration delay(int attempt) {
    long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
    Duration d = first.multipliedBy(factor);
    return d.compareTo(max) > 0 ? max : d;
  }

  @Override
  public RetryExecution initExecution() {
    return new RetryExecution() {
      private int attempts;

      @Override
      public Optional<Long> nextDelay() {
        attempts++;
        return Optional.of(delay(attempts).toMillis());
      }

      @Override
      public boolean isLastAttempt() {
        return false;
      }

      @Override
      public int getAttemptCount() {
        return attempts;
      }
    };
  }
}
