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
 * (resets tolerated, see {@link Counters}); a single cumulative point counts as-is. Histogram
 * buckets of both kinds are merged the same way before quantiles are estimated; summaries report
 * their latest point's quantiles as recorded.
 */
public final class MetricStatsCalculator {
  private static final double[] QUANTILES = {0.50, 0.95, 0.99};

  private MetricStatsCalculator() {}

  /** Stats of {@code raw} (any order) over a window of {@code windowSeconds}. */
  public static MetricStats stats(SeriesData raw, double windowSeconds) {
    SeriesData d = raw.sorted();
    int n = d.size();
    if (n == 0) {
      throw new IllegalArgumentException("a series needs at least one point");
    }
    return d.type().recordsObservations()
        ? observations(d, windowSeconds)
        : scalar(d, windowSeconds);
  }

  /**
   * Points oldest first; for the types that record observations the value is the point's count and
   * sum its Sum.
   */
  public static List<MetricPoint> points(SeriesData raw) {
    SeriesData d = raw.sorted();
    List<MetricPoint> points = new ArrayList<>(d.size());
    for (int i = 0; i < d.size(); i++) {
      Double sum = d.type().recordsObservations() ? d.sums()[i] : null;
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

  /**
   * The points (index, sign) whose sum is what the window observed: every delta point (and a lone
   * cumulative point) whole; for cumulative points, each point minus the one before it, or the
   * point alone after a reset (its count dropped: the source restarted from zero).
   */
  static List<int[]> contributions(SeriesData d) {
    List<int[]> parts = new ArrayList<>();
    int n = d.size();
    if (d.temporality() == SeriesData.DELTA || n == 1) {
      for (int i = 0; i < n; i++) {
        parts.add(new int[] {i, 1});
      }
      return parts;
    }
    for (int i = 1; i < n; i++) {
      parts.add(new int[] {i, 1});
      if (d.values()[i] >= d.values()[i - 1]) {
        parts.add(new int[] {i - 1, -1});
      }
    }
    return parts;
  }

  private static MetricStats observations(SeriesData d, double windowSeconds) {
    int n = d.size();
    List<int[]> parts = contributions(d);
    double count = 0;
    double sum = 0;
    for (int[] p : parts) {
      count += p[1] * d.values()[p[0]];
      sum += p[1] * d.sums()[p[0]];
    }
    double min = Double.NaN;
    double max = Double.NaN;
    if (d.type() == MetricType.SUMMARY) {
      // A summary's 0 and 1 quantiles are its observed min and max (OTel), when it records them.
      for (SummaryQuantiles q : d.quantiles()) {
        min = fold(min, q.at(0), Math::min);
        max = fold(max, q.at(1), Math::max);
      }
    } else if (d.mins() != null) {
      for (int i = 0; i < n; i++) {
        min = fold(min, d.mins()[i], Math::min);
        max = fold(max, d.maxs()[i], Math::max);
      }
    }
    Double rate;
    if (d.temporality() == SeriesData.DELTA) {
      rate = windowSeconds > 0 ? count / windowSeconds : null;
    } else {
      double seconds = (d.timesNanos()[n - 1] - d.timesNanos()[0]) / 1e9;
      rate = n >= 2 && seconds > 0 ? count / seconds : null;
    }
    int last = n - 1;
    double lastMean = d.values()[last] > 0 ? d.sums()[last] / d.values()[last] : 0;
    Double[] quantiles = quantiles(d, parts, min, max);
    // Histograms without Min/Max have always shown 0; summaries leave an unrecorded min/max out.
    boolean histogram = d.type() != MetricType.SUMMARY;
    return new MetricStats(
        SqlLiteral.instant(d.timesNanos()[0]),
        SqlLiteral.instant(d.timesNanos()[last]),
        lastMean,
        histogram && Double.isNaN(min) ? 0 : min,
        histogram && Double.isNaN(max) ? 0 : max,
        count > 0 ? sum / count : 0,
        Math.round(count),
        rate,
        quantiles[0],
        quantiles[1],
        quantiles[2]);
  }

  /** p50, p95 and p99 of the window's observations (null where unknown). */
  private static Double[] quantiles(SeriesData d, List<int[]> parts, double min, double max) {
    Double[] out = new Double[QUANTILES.length];
    switch (d.type()) {
      case HISTOGRAM -> {
        double[] bounds = d.bounds() == null ? new double[0] : d.bounds();
        double[] merged = new double[bounds.length + 1];
        parts.forEach(p -> addBuckets(merged, d.buckets()[p[0]], p[1]));
        for (int i = 0; i < out.length; i++) {
          out[i] = HistogramQuantiles.estimate(QUANTILES[i], bounds, merged, min, max);
        }
      }
      case EXPONENTIAL_HISTOGRAM -> {
        ExponentialBuckets merged = ExponentialBuckets.EMPTY;
        for (int[] p : parts) {
          merged = merged.plus(d.exponential()[p[0]], p[1]);
        }
        for (int i = 0; i < out.length; i++) {
          out[i] = ExponentialHistogramQuantiles.estimate(QUANTILES[i], merged, min, max);
        }
      }
      case SUMMARY -> {
        SummaryQuantiles latest = d.quantiles()[d.size() - 1];
        for (int i = 0; i < out.length; i++) {
          double v = latest.at(QUANTILES[i]);
          out[i] = Double.isNaN(v) ? null : v;
        }
      }
      default -> {
        // Gauges and sums have no quantiles.
      }
    }
    return out;
  }

  private static double fold(
      double acc, double v, java.util.function.DoubleBinaryOperator combine) {
    if (Double.isNaN(v)) {
      return acc;
    }
    return Double.isNaN(acc) ? v : combine.applyAsDouble(acc, v);
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
