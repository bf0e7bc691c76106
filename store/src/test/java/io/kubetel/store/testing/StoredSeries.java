package io.kubetel.store.testing;

import io.kubetel.model.metrics.MetricPoint;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.query.Signal;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.metrics.ExponentialBuckets;
import io.kubetel.store.metrics.MetricStatsCalculator;
import io.kubetel.store.metrics.SeriesData;
import io.kubetel.store.metrics.SummaryQuantiles;
import io.kubetel.store.sql.SqlLiteral;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One metric series of the in-memory store: its identity, its raw points and its fields. Stats and
 * points over a window come from the store's own {@link MetricStatsCalculator}, so the fake and
 * ClickHouse compute them by one rule.
 */
final class StoredSeries {
  /**
   * One raw point: gauge and sum points their value; the types that record observations their count
   * and Sum, and explicit histograms their bucket counts, exponential ones their buckets, both
   * their Min and Max (NaN when unknown), summaries their quantiles.
   */
  record RawPoint(
      Instant time,
      double value,
      double sum,
      double[] buckets,
      ExponentialBuckets exponential,
      SummaryQuantiles quantiles,
      double min,
      double max) {
    /** A gauge or sum point. */
    static RawPoint value(Instant time, double value) {
      return new RawPoint(
          time, value, 0, null, null, SummaryQuantiles.NONE, Double.NaN, Double.NaN);
    }

    static RawPoint of(MetricPoint p) {
      return new RawPoint(
          p.time(),
          p.value(),
          p.sum() == null ? 0 : p.sum(),
          null,
          ExponentialBuckets.EMPTY,
          SummaryQuantiles.NONE,
          Double.NaN,
          Double.NaN);
    }
  }

  final MetricSeries identity;
  final int temporality;
  final double[] bounds;
  final List<RawPoint> points = new CopyOnWriteArrayList<>();
  final FieldValues fields;

  StoredSeries(MetricSeries identity, int temporality, double[] bounds) {
    this.identity = identity;
    this.temporality = temporality;
    this.bounds = bounds;
    this.fields =
        new FieldValues(
            Signal.METRICS,
            Map.of("ServiceName", identity.service(), "MetricName", identity.metricName()),
            FieldValues.resource(
                identity.resourceAttributes(), identity.namespace(), identity.pod()),
            identity.attributes());
  }

  /** A series given as model objects (the API server's tests); sums are cumulative. */
  static StoredSeries of(MetricSeries identity, List<MetricPoint> points) {
    int temporality = identity.type() == MetricType.GAUGE ? 0 : SeriesData.CUMULATIVE;
    StoredSeries s = new StoredSeries(identity, temporality, null);
    points.forEach(p -> s.points.add(RawPoint.of(p)));
    return s;
  }

  /**
   * The series with its stats (and points when {@code detail}) in the window; empty without data.
   */
  Optional<MetricSeries> in(TimeWindow window, boolean detail) {
    List<RawPoint> in =
        points.stream()
            .filter(p -> window.contains(p.time()))
            .sorted(Comparator.comparing(RawPoint::time))
            .toList();
    if (in.isEmpty()) {
      return Optional.empty();
    }
    SeriesData data = data(in);
    MetricSeries s = identity;
    return Optional.of(
        new MetricSeries(
            s.name(),
            s.namespace(),
            s.metricName(),
            s.type(),
            s.unit(),
            s.description(),
            s.service(),
            s.pod(),
            s.monotonic(),
            s.attributes(),
            s.resourceAttributes(),
            MetricStatsCalculator.stats(data, window.length().toMillis() / 1000.0),
            detail ? MetricStatsCalculator.points(data) : List.of()));
  }

  private SeriesData data(List<RawPoint> in) {
    int n = in.size();
    long[] times = new long[n];
    double[] values = new double[n];
    double[] sums = new double[n];
    double[][] buckets = new double[n][];
    ExponentialBuckets[] exponential = new ExponentialBuckets[n];
    SummaryQuantiles[] quantiles = new SummaryQuantiles[n];
    double[] mins = new double[n];
    double[] maxs = new double[n];
    for (int i = 0; i < n; i++) {
      RawPoint p = in.get(i);
      times[i] = SqlLiteral.nanos(p.time());
      values[i] = p.value();
      sums[i] = p.sum();
      buckets[i] = p.buckets();
      exponential[i] = p.exponential();
      quantiles[i] = p.quantiles();
      mins[i] = p.min();
      maxs[i] = p.max();
    }
    boolean minMax = in.stream().noneMatch(p -> Double.isNaN(p.min()));
    MetricType type = identity.type();
    return switch (type) {
      case GAUGE, SUM -> SeriesData.values(type, identity.monotonic(), temporality, times, values);
      case HISTOGRAM ->
          SeriesData.histogram(
              temporality,
              times,
              values,
              sums,
              buckets,
              bounds,
              minMax ? mins : null,
              minMax ? maxs : null);
      case EXPONENTIAL_HISTOGRAM ->
          SeriesData.exponential(
              temporality,
              times,
              values,
              sums,
              exponential,
              minMax ? mins : null,
              minMax ? maxs : null);
      case SUMMARY -> SeriesData.summary(times, values, sums, quantiles);
    };
  }
}
