package io.kubetel.model.query;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the values in one step and group are reduced to one number. For traces the value is the span
 * duration in milliseconds; for logs only {@code count} and {@code rate} apply.
 */
public enum Aggregation {
  @JsonProperty("avg")
  AVG,
  @JsonProperty("sum")
  SUM,
  @JsonProperty("min")
  MIN,
  @JsonProperty("max")
  MAX,
  @JsonProperty("count")
  COUNT,
  @JsonProperty("rate")
  RATE,
  @JsonProperty("p50")
  P50,
  @JsonProperty("p90")
  P90,
  @JsonProperty("p95")
  P95,
  @JsonProperty("p99")
  P99;

  /** The quantile level for pXX aggregations, or -1. */
  public double quantile() {
    return switch (this) {
      case P50 -> 0.50;
      case P90 -> 0.90;
      case P95 -> 0.95;
      case P99 -> 0.99;
      default -> -1;
    };
  }
}
