package io.kubetel.alerting.service;

import io.kubetel.alerting.delivery.RetryPolicy;
import java.time.Duration;

/**
 * How a host runs the alerting component.
 *
 * @param database kubetel's own database (history and notification log)
 * @param evaluationThreads queries running at once (the bounded evaluation pool)
 * @param deliveryThreads notifications being delivered at once
 * @param tick how often due rules are looked for (well below the shortest interval)
 * @param httpTimeout per-request timeout of a delivery attempt
 */
public record AlertingSettings(
    String database,
    int evaluationThreads,
    int deliveryThreads,
    Duration tick,
    Duration httpTimeout,
    RetryPolicy retry) {

  /**
   * 2 evaluation threads (queries), 32 delivery threads (they mostly wait on receivers and the
   * history's group commit), a 250 ms tick, 10 s per attempt, standard retries.
   */
  public static AlertingSettings defaults(String database) {
    return new AlertingSettings(
        database, 2, 32, Duration.ofMillis(250), Duration.ofSeconds(10), RetryPolicy.standard());
  }
}
