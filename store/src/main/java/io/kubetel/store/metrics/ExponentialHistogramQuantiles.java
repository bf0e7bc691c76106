package io.kubetel.store.metrics;

import java.util.List;

/**
 * Estimates quantiles from exponential histogram buckets the way {@link HistogramQuantiles} does
 * from explicit ones: find the bucket holding the quantile's rank among the observations (lowest
 * values first: negative buckets, the zero bucket, positive buckets) and interpolate linearly
 * inside it. The observed min and max (when known) narrow the lowest and highest buckets, so
 * estimates never leave the observed range; values in the zero bucket are estimated as 0.
 */
public final class ExponentialHistogramQuantiles {
  private ExponentialHistogramQuantiles() {}

  /**
   * The estimated {@code q} quantile, or null when there are no observations.
   *
   * @param min observed minimum or NaN
   * @param max observed maximum or NaN
   */
  public static Double estimate(double q, ExponentialBuckets buckets, double min, double max) {
    List<double[]> ascending = buckets.ascending();
    double total = 0;
    for (double[] b : ascending) {
      total += b[2];
    }
    if (total <= 0) {
      return null;
    }
    double rank = q * total;
    double cumulative = 0;
    int i = 0;
    while (i < ascending.size() - 1 && cumulative + ascending.get(i)[2] < rank) {
      cumulative += ascending.get(i)[2];
      i++;
    }
    double[] b = ascending.get(i);
    return HistogramQuantiles.inBucket(b[0], b[1], (rank - cumulative) / b[2], min, max);
  }
}
