package io.kubetel.store.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kubetel.model.metrics.MetricPoint;
import io.kubetel.model.metrics.MetricStats;
import org.junit.jupiter.api.Test;

/**
 * Window statistics of the types added beside explicit histograms: exponential histograms
 * (cumulative across a scale change, delta, reset) and summaries (latest quantiles as recorded,
 * min/max from the 0 and 1 quantiles).
 */
class ObservationStatsTest {
  static final long S = 1_000_000_000L;
  static final double[] NONE = new double[0];

  static ExponentialBuckets pos(int scale, int offset, double... counts) {
    return new ExponentialBuckets(scale, 0, offset, counts, 0, NONE);
  }

  @Test
  void cumulativeExponentialHistogramUsesTheIncreaseAcrossAScaleChange() {
    // 10 observations in (8, 16], then 20 more in (16, 64] reported at the coarser scale -1
    // (where (8, 16] is part of (4, 16]).
    SeriesData d =
        SeriesData.exponential(
            SeriesData.CUMULATIVE,
            new long[] {30 * S, 0},
            new double[] {30, 10},
            new double[] {500, 100},
            new ExponentialBuckets[] {pos(-1, 1, 10, 20), pos(0, 3, 10)},
            new double[] {9, 9},
            new double[] {60, 15});
    MetricStats s = MetricStatsCalculator.stats(d, 60);
    assertThat(s.count()).isEqualTo(20);
    assertThat(s.avg()).isEqualTo(20);
    assertThat(s.rate()).isCloseTo(20.0 / 30, within(1e-12));
    assertThat(s.last()).isCloseTo(500.0 / 30, within(1e-12));
    assertThat(s.min()).isEqualTo(9);
    assertThat(s.max()).isEqualTo(60);
    // All 20 in (16, 64], narrowed to (16, 60] by the max: the median halfway.
    assertThat(s.p50()).isCloseTo(38, within(1e-12));
    assertThat(s.p99()).isCloseTo(16 + 44 * 0.99, within(1e-12));
    assertThat(MetricStatsCalculator.points(d))
        .extracting(MetricPoint::value, MetricPoint::sum)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(10.0, 100.0),
            org.assertj.core.groups.Tuple.tuple(30.0, 500.0));
  }

  @Test
  void deltaExponentialHistogramMergesEveryPoint() {
    SeriesData d =
        SeriesData.exponential(
            SeriesData.DELTA,
            new long[] {0, 10 * S},
            new double[] {4, 4},
            new double[] {40, 100},
            new ExponentialBuckets[] {pos(0, 3, 4), pos(0, 4, 4)},
            null,
            null);
    MetricStats s = MetricStatsCalculator.stats(d, 60);
    assertThat(s.count()).isEqualTo(8);
    assertThat(s.rate()).isCloseTo(8.0 / 60, within(1e-12));
    assertThat(s.avg()).isCloseTo(140.0 / 8, within(1e-12));
    assertThat(s.p50()).isEqualTo(16);
    assertThat(s.p95()).isCloseTo(16 + 16 * 0.9, within(1e-12));
    // Without Min/Max histograms show 0, as explicit histograms always have.
    assertThat(s.min()).isZero();
    assertThat(s.max()).isZero();
  }

  @Test
  void aResetCountsTheRestartedExponentialPoint() {
    SeriesData d =
        SeriesData.exponential(
            SeriesData.CUMULATIVE,
            new long[] {0, 10 * S},
            new double[] {10, 4},
            new double[] {100, 48},
            new ExponentialBuckets[] {pos(0, 3, 10), pos(0, 3, 4)},
            null,
            null);
    MetricStats s = MetricStatsCalculator.stats(d, 60);
    assertThat(s.count()).isEqualTo(4);
    assertThat(s.avg()).isEqualTo(12);
    assertThat(s.p50()).isEqualTo(12);
  }

  static SummaryQuantiles quantiles(double... levelValuePairs) {
    double[] levels = new double[levelValuePairs.length / 2];
    double[] values = new double[levels.length];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = levelValuePairs[2 * i];
      values[i] = levelValuePairs[2 * i + 1];
    }
    return new SummaryQuantiles(levels, values);
  }

  @Test
  void summaryQuantilesAreTheLatestPointsAsRecorded() {
    SeriesData d =
        SeriesData.summary(
            new long[] {20 * S, 0},
            new double[] {30, 10},
            new double[] {400, 100},
            new SummaryQuantiles[] {
              quantiles(0, 2, 0.5, 9, 0.99, 40, 1, 45), quantiles(0, 1, 0.5, 8, 0.99, 30, 1, 50)
            });
    MetricStats s = MetricStatsCalculator.stats(d, 60);
    assertThat(s.count()).isEqualTo(20);
    assertThat(s.avg()).isEqualTo(15);
    assertThat(s.rate()).isEqualTo(1);
    assertThat(s.last()).isCloseTo(400.0 / 30, within(1e-12));
    // min and max over the window: the smallest 0 quantile and the largest 1 quantile.
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.max()).isEqualTo(50);
    assertThat(s.p50()).isEqualTo(9);
    assertThat(s.p99()).isEqualTo(40);
    // 0.95 is not recorded: no estimate is made up.
    assertThat(s.p95()).isNull();
  }

  @Test
  void aSummaryWithoutItsExtremesHasNoMinOrMax() {
    SeriesData d =
        SeriesData.summary(
            new long[] {0},
            new double[] {10},
            new double[] {50},
            new SummaryQuantiles[] {quantiles(0.5, 4.5)});
    MetricStats s = MetricStatsCalculator.stats(d, 60);
    assertThat(s.count()).isEqualTo(10);
    assertThat(s.rate()).isNull();
    assertThat(s.min()).isNaN();
    assertThat(s.max()).isNaN();
    assertThat(s.p50()).isEqualTo(4.5);
    assertThat(s.p99()).isNull();
  }

  @Test
  void summaryQuantilesMatchLevelsAndDescribeThem() {
    SummaryQuantiles q = quantiles(0.99, 40, 0.5, 9);
    assertThat(q.at(0.5)).isEqualTo(9);
    assertThat(q.at(0.1 + 0.4)).isEqualTo(9);
    assertThat(q.at(0.9)).isNaN();
    assertThat(SummaryQuantiles.NONE.at(0.5)).isNaN();
    assertThat(SummaryQuantiles.format(0)).isEqualTo("0");
    assertThat(SummaryQuantiles.format(1)).isEqualTo("1");
    assertThat(SummaryQuantiles.format(0.99)).isEqualTo("0.99");
    assertThatThrownBy(() -> new SummaryQuantiles(new double[] {0.5}, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 quantile levels for 0 values");
  }
}
