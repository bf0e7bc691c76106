package io.kubetel.model.query;

import java.time.Duration;

/**
 * Every limit and default of a TelemetryQuery, in one place: the API server's create path, the
 * operator's AlertRule/Dashboard validation and the store's query runner all apply these through
 * {@link QueryValidator}.
 */
public final class QueryLimits {
  /** Look-back range when a query names neither range nor start. */
  public static final Duration DEFAULT_RANGE = Duration.ofMinutes(15);

  /** Longest time range a query may read. */
  public static final Duration MAX_RANGE = Duration.ofDays(31);

  /** Shortest step between result points. */
  public static final Duration MIN_STEP = Duration.ofSeconds(1);

  /** Most points per result series (range / step). */
  public static final long MAX_POINTS = 11_000;

  /** Points per series the default step aims for. */
  public static final int DEFAULT_POINTS = 60;

  /** Most filters in one query. */
  public static final int MAX_FILTERS = 32;

  /** Most group-by keys in one query. */
  public static final int MAX_GROUP_BY = 8;

  private QueryLimits() {}
}
