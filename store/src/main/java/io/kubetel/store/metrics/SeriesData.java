package io.kubetel.store.metrics;

import io.kubetel.model.metrics.MetricType;

/**
 * The raw points of one series in a window, as read from storage (arrays parallel to {@code
 * timesNanos}; histogram arrays are null for gauges and sums).
 *
 * @param temporality OTel AggregationTemporality: 1 delta, 2 cumulative (0 for gauges)
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
    double[] mins,
    double[] maxs) {

  public static final int DELTA = 1;
  public static final int CUMULATIVE = 2;

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
      if (mn != null) {
        mn[i] = mins[j];
      }
      if (mx != null) {
        mx[i] = maxs[j];
      }
    }
    return new SeriesData(type, monotonic, temporality, t, v, s, b, bounds, mn, mx);
  }
}
