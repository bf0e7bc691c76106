package io.kubetel.store.metrics;

import io.kubetel.model.metrics.MetricType;

/**
 * The raw points of one series in a window, as read from storage: arrays parallel to {@code
 * timesNanos}. {@code values} holds gauge and sum values, or the observation count of the types
 * that record observations, which also carry {@code sums}. Per type, the rest: explicit histograms
 * {@code buckets} (per point) and {@code bounds} (the latest point's), exponential histograms
 * {@code exponential}, both kinds of histogram {@code mins}/{@code maxs} (null when unknown),
 * summaries {@code quantiles}; what a type does not have is null. Build it with the per-type
 * factories.
 *
 * @param temporality OTel AggregationTemporality: 1 delta, 2 cumulative (0 for gauges; summaries
 *     are cumulative)
 */
public record SeriesData(
    MetricType type,
    boolean monotonic,
    int temporality,
    long[] timesNanos,
    double[] values,
    double[] sums,
    double[][] buckets,
    double[] bounds,
    ExponentialBuckets[] exponential,
    SummaryQuantiles[] quantiles,
    double[] mins,
    double[] maxs) {

  public static final int DELTA = 1;
  public static final int CUMULATIVE = 2;

  /** A gauge or sum series. */
  public static SeriesData values(
      MetricType type, boolean monotonic, int temporality, long[] timesNanos, double[] values) {
    return new SeriesData(
        type, monotonic, temporality, timesNanos, values, null, null, null, null, null, null, null);
  }

  /** An explicit-bounds histogram series ({@code mins}/{@code maxs} null when unknown). */
  public static SeriesData histogram(
      int temporality,
      long[] timesNanos,
      double[] counts,
      double[] sums,
      double[][] buckets,
      double[] bounds,
      double[] mins,
      double[] maxs) {
    return new SeriesData(
        MetricType.HISTOGRAM,
        false,
        temporality,
        timesNanos,
        counts,
        sums,
        buckets,
        bounds,
        null,
        null,
        mins,
        maxs);
  }

  /** An exponential histogram series ({@code mins}/{@code maxs} null when unknown). */
  public static SeriesData exponential(
      int temporality,
      long[] timesNanos,
      double[] counts,
      double[] sums,
      ExponentialBuckets[] buckets,
      double[] mins,
      double[] maxs) {
    return new SeriesData(
        MetricType.EXPONENTIAL_HISTOGRAM,
        false,
        temporality,
        timesNanos,
        counts,
        sums,
        null,
        null,
        buckets,
        null,
        mins,
        maxs);
  }

  /** A summary series (always cumulative: OTel summaries carry no temporality). */
  public static SeriesData summary(
      long[] timesNanos, double[] counts, double[] sums, SummaryQuantiles[] quantiles) {
    return new SeriesData(
        MetricType.SUMMARY,
        false,
        CUMULATIVE,
        timesNanos,
        counts,
        sums,
        null,
        null,
        null,
        quantiles,
        null,
        null);
  }

  public int size() {
    return timesNanos.length;
  }

  /** The same data sorted by time. */
  public SeriesData sorted() {
    int n = timesNanos.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Long.compare(timesNanos[a], timesNanos[b]));
    long[] t = new long[n];
    double[] v = new double[n];
    double[] s = sums == null ? null : new double[n];
    double[][] b = buckets == null ? null : new double[n][];
    ExponentialBuckets[] e = exponential == null ? null : new ExponentialBuckets[n];
    SummaryQuantiles[] q = quantiles == null ? null : new SummaryQuantiles[n];
    double[] mn = mins == null ? null : new double[n];
    double[] mx = maxs == null ? null : new double[n];
    for (int i = 0; i < n; i++) {
      int j = idx[i];
      t[i] = timesNanos[j];
      v[i] = values[j];
      if (s != null) {
        s[i] = sums[j];
      }
      if (b != null) {
        b[i] = buckets[j];
      }
      if (e != null) {
        e[i] = exponential[j];
      }
      if (q != null) {
        q[i] = quantiles[j];
      }
      if (mn != null) {
        mn[i] = mins[j];
      }
      if (mx != null) {
        mx[i] = maxs[j];
      }
    }
    return new SeriesData(type, monotonic, temporality, t, v, s, b, bounds, e, q, mn, mx);
  }
}
