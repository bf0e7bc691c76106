package io.kubetel.store.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Quantiles of exponential histograms on distributions whose answer is known by hand: bucket
 * boundaries at positive, zero and negative scales, the zero bucket, negative buckets, the observed
 * min/max narrowing the outer buckets, and no observations at all.
 */
class ExponentialHistogramQuantilesTest {
  static final double NO = Double.NaN;

  static ExponentialBuckets positive(int scale, int offset, double... counts) {
    return new ExponentialBuckets(scale, 0, offset, counts, 0, new double[0]);
  }

  static Double q(double q, ExponentialBuckets b) {
    return ExponentialHistogramQuantiles.estimate(q, b, NO, NO);
  }

  @Test
  void bucketBoundariesFollowTheScale() {
    // base = 2^(2^-scale): scale 0 -> 2, scale 1 -> sqrt(2), scale -1 -> 4.
    assertThat(ExponentialBuckets.boundary(3, 0)).isEqualTo(8);
    assertThat(ExponentialBuckets.boundary(1, 1)).isCloseTo(Math.sqrt(2), within(1e-15));
    assertThat(ExponentialBuckets.boundary(2, 1)).isEqualTo(2);
    assertThat(ExponentialBuckets.boundary(2, -1)).isEqualTo(16);
    assertThat(ExponentialBuckets.boundary(-1, 0)).isEqualTo(0.5);
    assertThat(ExponentialBuckets.boundary(0, 20)).isEqualTo(1);
  }

  @Test
  void scaleZeroInterpolatesInsideTheBucketOfTheRank() {
    // Bucket 3 at scale 0 is (8, 16]; ten observations all there.
    ExponentialBuckets b = positive(0, 3, 10);
    assertThat(q(0.5, b)).isEqualTo(12);
    assertThat(q(0.0, b)).isEqualTo(8);
    assertThat(q(1.0, b)).isEqualTo(16);
    // The observed min and max narrow the bucket: (9, 15].
    assertThat(ExponentialHistogramQuantiles.estimate(0.5, b, 9, 15)).isEqualTo(12);
    assertThat(ExponentialHistogramQuantiles.estimate(0.9, b, 9, 15))
        .isCloseTo(9 + 6 * 0.9, within(1e-12));
  }

  @Test
  void positiveScaleSplitsEachPowerOfTwo() {
    // Scale 2: four buckets between 1 and 2, 25 observations each; the median is the end of the
    // second bucket, 2^(2/4) = sqrt(2).
    ExponentialBuckets b = positive(2, 0, 25, 25, 25, 25);
    assertThat(q(0.5, b)).isCloseTo(Math.sqrt(2), within(1e-12));
    assertThat(q(1.0, b)).isCloseTo(2, within(1e-12));
    // rank 10 of 100: 10/25 into (1, 2^0.25].
    assertThat(q(0.1, b)).isCloseTo(1 + (Math.pow(2, 0.25) - 1) * 0.4, within(1e-12));
  }

  @Test
  void negativeScaleJoinsPowersOfTwo() {
    // Scale -1: base 4; bucket 1 is (4, 16] with 3 observations, bucket 2 (16, 64] with 1.
    ExponentialBuckets b = positive(-1, 1, 3, 1);
    assertThat(q(0.5, b)).isCloseTo(4 + 12 * 2.0 / 3, within(1e-12));
    assertThat(q(0.99, b)).isCloseTo(16 + 48 * 0.96, within(1e-12));
    assertThat(ExponentialHistogramQuantiles.estimate(0.99, b, 5, 40))
        .isCloseTo(16 + 24 * 0.96, within(1e-12));
  }

  @Test
  void zeroBucketHoldsZeros() {
    ExponentialBuckets b = new ExponentialBuckets(0, 5, 0, new double[] {5}, 0, new double[0]);
    assertThat(q(0.25, b)).isZero();
    assertThat(q(0.5, b)).isZero();
    // rank 7.5: 2.5 of the 5 observations in (1, 2].
    assertThat(q(0.75, b)).isEqualTo(1.5);
  }

  @Test
  void negativeBucketsMirrorThePositiveOnes() {
    // Negative bucket 0 holds values in [-2, -1); positive bucket 1 holds (2, 4].
    ExponentialBuckets b = new ExponentialBuckets(0, 0, 1, new double[] {2}, 0, new double[] {2});
    assertThat(q(0.25, b)).isEqualTo(-1.5);
    assertThat(q(0.75, b)).isEqualTo(3);
    // The most negative bucket comes first: [-8, -4) before [-4, -2).
    ExponentialBuckets negatives =
        new ExponentialBuckets(0, 0, 0, new double[0], 1, new double[] {1, 1});
    assertThat(q(0.0, negatives)).isEqualTo(-8);
    assertThat(q(0.5, negatives)).isEqualTo(-4);
    assertThat(q(1.0, negatives)).isEqualTo(-2);
    assertThat(ExponentialHistogramQuantiles.estimate(0.0, negatives, -6, -3)).isEqualTo(-6);
  }

  @Test
  void noObservationsHaveNoQuantile() {
    assertThat(q(0.5, ExponentialBuckets.EMPTY)).isNull();
    assertThat(q(0.5, positive(3, 0, 0, 0))).isNull();
    assertThat(q(0.5, new ExponentialBuckets(0, 0, 0, new double[0], 0, new double[0]))).isNull();
  }
}
