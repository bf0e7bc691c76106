package io.kubetel.store.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kubetel.model.metrics.MetricPoint;
import io.kubetel.model.metrics.MetricStats;
import io.kubetel.model.metrics.MetricType;
import org.junit.jupiter.api.Test;

/** Window statistics of a series: gauges, counters (with resets) and histograms. */
class MetricStatsCalculatorTest {
  static final long S = 1_000_000_000L;

  @Test
  void counterIncreaseTreatsDropsAsResets() {
    assertThat(Counters.increase(new double[] {100, 150, 20, 50})).isEqualTo(100);
    assertThat(Counters.increase(new double[] {5})).isZero();
    assertThat(
            Counters.rate(new long[] {0, 10 * S, 20 * S, 30 * S}, new double[] {100, 150, 20, 50}))
        .isCloseTo(100.0 / 30, within(1e-12));
    assertThat(Counters.rate(new long[] {0}, new double[] {1})).isNull();
  }

  @Test
  void cumulativeSumRateFromUnorderedPoints() {
    SeriesData d =
        SeriesData.values(
            MetricType.SUM,
            true,
            SeriesData.CUMULATIVE,
            new long[] {20 * S, 0, 10 * S},
            new double[] {5, 10, 30});
    MetricStats s = MetricStatsCalculator.stats(d, 60);
    // 10 -> 30 (+20) -> 5 (reset, +5) over 20 s.
    assertThat(s.rate()).isCloseTo(25.0 / 20, within(1e-12));
    assertThat(s.last()).isEqualTo(5);
    assertThat(s.min()).isEqualTo(5);
    assertThat(s.max()).isEqualTo(30);
    assertThat(s.count()).isEqualTo(3);
    assertThat(MetricStatsCalculator.points(d))
        .extracting(MetricPoint::value)
        .containsExactly(10.0, 30.0, 5.0);
  }

  @Test
  void deltaSumRateIsTotalOverWindow() {
    SeriesData d =
        SeriesData.values(
            MetricType.SUM, true, SeriesData.DELTA, new long[] {0, S}, new double[] {3, 9});
    assertThat(MetricStatsCalculator.stats(d, 60).rate()).isCloseTo(12.0 / 60, within(1e-12));
    SeriesData gauge =
        SeriesData.values(MetricType.GAUGE, false, 0, new long[] {0, S}, new double[] {3, 9});
    assertThat(MetricStatsCalculator.stats(gauge, 60).rate()).isNull();
    assertThat(MetricStatsCalculator.stats(gauge, 60).avg()).isEqualTo(6);
  }

  @Test
  void histogramQuantilesInterpolateInsideBuckets() {
    double[] bounds = {10, 100};
    // 5 in (min,10], 11 in (10,100], 4 in (100,max].
    double[] counts = {5, 11, 4};
    assertThat(HistogramQuantiles.estimate(0.5, bounds, counts, 1, 500))
        .isCloseTo(10 + 90 * 5.0 / 11, within(1e-12));
    assertThat(HistogramQuantiles.estimate(0.25, bounds, counts, 1, 500))
        .isCloseTo(10, within(1e-12));
    assertThat(HistogramQuantiles.estimate(0.1, bounds, counts, 1, 500))
        .isCloseTo(1 + 9 * 2.0 / 5, within(1e-12));
    assertThat(HistogramQuantiles.estimate(0.95, bounds, counts, 1, 500))
        .isCloseTo(100 + 400 * 3.0 / 4, within(1e-12));
    // Without min/max the first bucket starts at 0 and the overflow bucket ends at the last bound.
    assertThat(HistogramQuantiles.estimate(0.99, bounds, counts, Double.NaN, Double.NaN))
        .isEqualTo(100);
    assertThat(HistogramQuantiles.estimate(0.1, bounds, counts, Double.NaN, Double.NaN))
        .isCloseTo(4, within(1e-12));
    assertThat(HistogramQuantiles.estimate(0.5, bounds, new double[] {0, 0, 0}, 1, 2)).isNull();
  }

  @Test
  void cumulativeHistogramUsesIncreaseOverTheWindow() {
    SeriesData d =
        SeriesData.histogram(
            SeriesData.CUMULATIVE,
            new long[] {0, 30 * S},
            new double[] {10, 30},
            new double[] {200, 800},
            new double[][] {{5, 4, 1}, {10, 15, 5}},
            new double[] {10, 100},
            new double[] {1, 1},
            new double[] {500, 500});
    MetricStats s = MetricStatsCalculator.stats(d, 60);
    assertThat(s.count()).isEqualTo(20);
    assertThat(s.avg()).isEqualTo(30);
    assertThat(s.rate()).isCloseTo(20.0 / 30, within(1e-12));
    assertThat(s.p50()).isCloseTo(10 + 90 * 5.0 / 11, within(1e-12));
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.max()).isEqualTo(500);
  }

  @Test
  void resetHistogramCountsTheRestartedPoint() {
    SeriesData d =
        SeriesData.histogram(
            SeriesData.CUMULATIVE,
            new long[] {0, 10 * S, 20 * S},
            new double[] {10, 30, 4},
            new double[] {100, 300, 40},
            new double[][] {{10, 0}, {30, 0}, {4, 0}},
            new double[] {50},
            null,
            null);
    MetricStats s = MetricStatsCalculator.stats(d, 60);
    assertThat(s.count()).isEqualTo(24);
    assertThat(s.avg()).isCloseTo(240.0 / 24, within(1e-12));
  }
}
