package io.kubetel.apiserver.http;

import java.time.Duration;

/**
 * Histogram buckets (5 ms to 30 s) of the request and ClickHouse timers on {@code /metrics}: fixed
 * buckets, so quantiles over replicas can be computed in Prometheus with {@code
 * histogram_quantile}.
 */
public final class LatencyBuckets {
  public static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30)
  };

  private LatencyBuckets() {}
}
