package io.kubetel.store.query;

import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.ResolvedQuery;

/**
 * Which aggregations a metric type can answer at all, checked once the type of the queried metric
 * is known (the ClickHouse runner and the in-memory store alike). What depends on the data, a
 * summary asked for a quantile it does not record, is refused by {@link BucketReducer}.
 */
public final class MetricAggregations {
  private MetricAggregations() {}

  /**
   * @throws InvalidQueryException naming the metric's type when it cannot answer the aggregation
   */
  public static void require(MetricType type, ResolvedQuery q) {
    if (type == MetricType.GAUGE && q.aggregation() == Aggregation.RATE) {
      throw new InvalidQueryException(
          "aggregation rate needs a counter (a Sum, Histogram, ExponentialHistogram or Summary"
              + " metric); "
              + q.metric()
              + " is a Gauge (use avg, min, max or a quantile)");
    }
  }
}
