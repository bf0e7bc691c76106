package io.kubetel.store.metrics;

/**
 * Estimates quantiles from explicit-bounds histogram buckets by linear interpolation inside the
 * bucket holding the quantile's rank. Bucket {@code i} holds values in {@code (bounds[i-1],
 * bounds[i]]}; the last bucket is unbounded above. The observed min and max (when known) close the
 * first and last buckets, so estimates never leave the observed range.
 */
public final class HistogramQuantiles {
  private HistogramQuantiles() {}

  /**
   * The estimated {@code q} quantile, or null when there are no observations.
   *
   * @param counts bucket counts, {@code bounds.length + 1} of them
   * @param min observed minimum or NaN
   * @param max observed maximum or NaN
   */
  public static Double estimate(
      double q, double[] bounds, double[] counts, double min, double max) {
    if (counts.length != bounds.length + 1) {
      throw new IllegalArgumentException(
          "histogram has " + counts.length + " buckets for " + bounds.length + " bounds");
    }
    double total = 0;
    for (double c : counts) {
      total += c;
    }
    if (total <= 0) {
      return null;
    }
    double rank = q * total;
    double cumulative = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] <= 0) {
        continue;
      }
      if (cumulative + counts[i] >= rank) {
        double lower = i == 0 ? lowerOfFirst(bounds, min) : bounds[i - 1];
        double upper = i == bounds.length ? upperOfLast(bounds, max) : bounds[i];
        return inBucket(lower, upper, (rank - cumulative) / counts[i], min, max);
      }
      cumulative += counts[i];
    }
    return upperOfLast(bounds, max);
  }

  /**
   * The value {@code fraction} of the way through the bucket {@code (lower, upper]}, the bucket
   * first narrowed to the observed min and max (NaN: unknown) where they fall inside it.
   */
  static double inBucket(double lower, double upper, double fraction, double min, double max) {
    if (!Double.isNaN(min) && lower < min && min <= upper) {
      lower = min;
    }
    if (!Double.isNaN(max) && upper > max && max >= lower) {
      upper = max;
    }
    return lower + (upper - lower) * Math.min(1, fraction);
  }

  private static double lowerOfFirst(double[] bounds, double min) {
    if (!Double.isNaN(min)) {
      return bounds.length == 0 ? min : Math.min(min, bounds[0]);
    }
    return bounds.length == 0 || bounds[0] > 0 ? 0 : bounds[0];
  }

  private static double upperOfLast(double[] bounds, double max) {
    if (!Double.isNaN(max)) {
      return bounds.length == 0 ? max : Math.max(max, bounds[bounds.length - 1]);
    }
    return bounds.length == 0 ? 0 : bounds[bounds.length - 1];
  }
}
