package io.kubetel.operator.tenant;

import java.time.Duration;

/**
 * Tunables of the tenant reconciler.
 *
 * @param retentionInterval how often retention runs per tenant
 * @param minBackoff first retry delay after a storage failure (doubles per failure)
 * @param maxBackoff longest retry delay after storage failures
 */
public record TenantReconcilerConfig(
    Duration retentionInterval, Duration minBackoff, Duration maxBackoff) {

  /** Retention hourly; storage retries from 5 s up to 5 min. */
  public static TenantReconcilerConfig defaults() {
    return new TenantReconcilerConfig(
        Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofMinutes(5));
  }

  /** The delay before retry number {@code failures} (1-based), doubling up to the maximum. */
  public Duration backoff(int failures) {
    long factor = 1L << Math.min(Math.max(failures - 1, 0), 20);
    Duration d = minBackoff.multipliedBy(factor);
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }
}
