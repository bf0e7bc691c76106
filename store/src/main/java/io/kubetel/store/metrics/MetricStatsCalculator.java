package io.kubetel.store.metrics;

import io.kubetel.model.metrics.MetricPoint;
import io.kubetel.model.metrics.MetricStats;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.store.sql.SqlLiteral;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes {@link MetricStats} and points from a series' raw data, following the {@link
 * MetricStats} contract. Delta points are summed; cumulative points contribute their increase
 * (resets tolerated, see {@link Counters}); a single cumulative point counts as-is.
 */
public final class MetricStatsCalculator {
  private MetricStatsCalculator() {}

  /** Stats of {@code raw} (any order) over a window of {@code windowSeconds}. */
  public static MetricStats stats(SeriesData raw, double windowSeconds) {
    SeriesData d = raw.sorted();
    int n = d.size();
    if (n == 0) {
      throw new IllegalArgumentException("a series needs at least one point");
    }
    return d.type() == MetricType.HISTOGRAM
        ? histogram(d, windowSeconds)
        : scalar(d, windowSeconds);
  }

  /** Points oldest first; for histograms the value is the point's count and sum its Sum. */
  public static List<MetricPoint> points(SeriesData raw) {
    SeriesData d = raw.sorted();
    List<MetricPoint> points = new ArrayList<>(d.size());
    for (int i = 0; i < d.size(); i++) {
      Double sum = d.type() == MetricType.HISTOGRAM ? d.sums()[i] : null;
      points.add(new MetricPoint(SqlLiteral.instant(d.timesNanos()[i]), d.values()[i], sum));
    }
    return points;
  }

  private static MetricStats scalar(SeriesData d, double windowSeconds) {
    double[] v = d.values();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double total = 0;
    for (double x : v) {
      min = Math.min(min, x);
      max = Math.max(max, x);
      total += x;
    }
    Double rate = null;
    if (d.type() == MetricType.SUM && d.monotonic()) {
      rate =
          d.temporality() == SeriesData.DELTA
              ? (windowSeconds > 0 ? total / windowSeconds : null)
              : Counters.rate(d.timesNanos(), v);
    }
    return new MetricStats(
        SqlLiteral.instant(d.timesNanos()[0]),
        SqlLiteral.instant(d.timesNanos()[d.size() - 1]),
        v[v.length - 1],
        min,
        max,
        total / v.length,
        v.length,
        rate,
        null,
        null,
        null);
  }

  private static MetricStats histogram(SeriesData d, double windowSeconds) {
    int n = d.size();
    double[] bounds = d.bounds() == null ? new double[0] : d.bounds();
    double[] merged = new double[bounds.length + 1];
    double count;
    double sum;
    boolean delta = d.temporality() == SeriesData.DELTA;
    if (delta || n == 1) {
      count = 0;
      sum = 0;
      for (int i = 0; i < n; i++) {
        count += d.values()[i];
        sum += d.sums()[i];
        addBuckets(merged, d.buckets()[i], 1);
      }
    } else {
      count = 0;
      sum = 0;
      for (int i = 1; i < n; i++) {
        boolean reset = d.values()[i] < d.values()[i - 1];
        if (reset) {
          count += d.values()[i];
          sum += d.sums()[i];
          addBuckets(merged, d.buckets()[i], 1);
        } else {
          count += d.values()[i] - d.values()[i - 1];
          sum += d.sums()[i] - d.sums()[i - 1];
          addBuckets(merged, d.buckets()[i], 1);
          addBuckets(merged, d.buckets()[i - 1], -1);
        }
      }
    }
    double min = Double.NaN;
    double max = Double.NaN;
    if (d.mins() != null) {
      for (int i = 0; i < n; i++) {
        min = Double.isNaN(min) ? d.mins()[i] : Math.min(min, d.mins()[i]);
        max = Double.isNaN(max) ? d.maxs()[i] : Math.max(max, d.maxs()[i]);
      }
    }
    Double rate;
    if (delta) {
      rate = windowSeconds > 0 ? count / windowSeconds : null;
    } else {
      double seconds = (d.timesNanos()[n - 1] - d.timesNanos()[0]) / 1e9;
      rate = n >= 2 && seconds > 0 ? count / seconds : null;
    }
    int last = n - 1;
    double lastMean = d.values()[last] > 0 ? d.sums()[last] / d.values()[last] : 0;
    return new MetricStats(
        SqlLiteral.instant(d.timesNanos()[0]),
        SqlLiteral.instant(d.timesNanos()[last]),
        lastMean,
        Double.isNaN(min) ? 0 : min,
        Double.isNaN(max) ? 0 : max,
        count > 0 ? sum / count : 0,
        Math.round(count),
        rate,
        HistogramQuantiles.estimate(0.50, bounds, merged, min, max),
        HistogramQuantiles.estimate(0.95, bounds, merged, min, max),
        HistogramQuantiles.estimate(0.99, bounds, merged, min, max));
  }

  /**
   * Adds {@code sign * counts} into {@code merged}; points with other bucket layouts are skipped.
   */
  static void addBuckets(double[] merged, double[] counts, int sign) {
    if (counts == null || counts.length != merged.length) {
      return;
    }
    for (int i = 0; i < merged.length; i++) {
      merged[i] += sign * counts[i];
    }
  }
}
