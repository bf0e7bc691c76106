package io.kubetel.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.QueryResult;
import io.kubetel.store.metrics.ExponentialBuckets;
import io.kubetel.store.metrics.SeriesData;
import io.kubetel.store.metrics.SummaryQuantiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-step, per-group reduction of query rows for every aggregation. */
class BucketReducerTest {
  static BucketReducer.SeriesBucket sum(String fp, long bucket, int temporality, double... values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return new BucketReducer.SeriesBucket(
        Map.of("pod", "p"),
        fp,
        bucket,
        temporality,
        values[0],
        values[values.length - 1],
        total,
        values,
        null);
  }

  @Test
  void cumulativeRateAcrossBucketsWithReset() {
    List<QueryResult.Series> out =
        BucketReducer.reduce(
            List.of(sum("a", 60, 2, 10, 20, 30), sum("a", 0, 2, 0, 5), sum("a", 120, 2, 4, 8)),
            "requests",
            Aggregation.RATE,
            60,
            MetricType.SUM);
    assertThat(out)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.labels()).containsEntry("pod", "p");
              // bucket 0: 0->5 = 5; bucket 60: 5->10->20->30 = 25; bucket 120: 30->4 reset (+4),
              // ->8 (+4) = 8.
              assertThat(s.points())
                  .extracting(QueryResult.Point::value)
                  .containsExactly(5.0 / 60, 25.0 / 60, 8.0 / 60);
            });
  }

  @Test
  void seriesOfAGroupAreSummedAndDeltaPointsAdded() {
    List<QueryResult.Series> out =
        BucketReducer.reduce(
            List.of(sum("a", 0, 1, 3, 4), sum("b", 0, 1, 10)),
            "requests",
            Aggregation.RATE,
            10,
            MetricType.SUM);
    assertThat(out.get(0).points().get(0).value()).isCloseTo(1.7, within(1e-12));
  }

  static BucketReducer.SeriesBucket exponential(
      String fp, long bucket, double[] counts, ExponentialBuckets... points) {
    double total = 0;
    for (double c : counts) {
      total += c;
    }
    return new BucketReducer.SeriesBucket(
        Map.of(),
        fp,
        bucket,
        SeriesData.CUMULATIVE,
        counts[0],
        counts[counts.length - 1],
        total,
        counts,
        new BucketReducer.Observations(
            0,
            0,
            0,
            null,
            null,
            null,
            null,
            List.of(points),
            SummaryQuantiles.NONE,
            Double.NaN,
            Double.NaN));
  }

  static ExponentialBuckets pos(int offset, double... counts) {
    return new ExponentialBuckets(0, 0, offset, counts, 0, new double[0]);
  }

  @Test
  void exponentialQuantilesOfEachBucketsIncrease() {
    // Bucket 0: 2 -> 6 observations in (8, 16]; bucket 60: 4 more, in (16, 32].
    List<BucketReducer.SeriesBucket> rows =
        List.of(
            exponential("a", 60, new double[] {10}, pos(3, 6, 4)),
            exponential("a", 0, new double[] {2, 6}, pos(3, 2), pos(3, 6)));
    assertThat(values(rows, Aggregation.P50, MetricType.EXPONENTIAL_HISTOGRAM))
        .containsExactly(12.0, 24.0);
    assertThat(values(rows, Aggregation.COUNT, MetricType.EXPONENTIAL_HISTOGRAM))
        .containsExactly(4.0, 4.0);
  }

  static BucketReducer.SeriesBucket summary(String fp, double count, double... levelValues) {
    double[] levels = new double[levelValues.length / 2];
    double[] values = new double[levels.length];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = levelValues[2 * i];
      values[i] = levelValues[2 * i + 1];
    }
    return new BucketReducer.SeriesBucket(
        Map.of(),
        fp,
        0,
        SeriesData.CUMULATIVE,
        count,
        count,
        count,
        new double[] {count},
        new BucketReducer.Observations(
            count,
            count,
            count,
            null,
            null,
            null,
            null,
            List.of(),
            new SummaryQuantiles(levels, values),
            Double.NaN,
            Double.NaN));
  }

  @Test
  void summaryQuantilesAreReadNotMergedAndBoundTheGroup() {
    List<BucketReducer.SeriesBucket> rows =
        List.of(summary("a", 10, 0.5, 3, 0.99, 10), summary("b", 20, 0.5, 5, 0.99, 8, 0, 1));
    // Several series: the largest of their quantiles, an upper bound of the group's.
    assertThat(values(rows, Aggregation.P99, MetricType.SUMMARY)).containsExactly(10.0);
    assertThat(values(rows, Aggregation.P50, MetricType.SUMMARY)).containsExactly(5.0);
    // min reads the 0 quantile where a series records it.
    assertThat(values(rows, Aggregation.MIN, MetricType.SUMMARY)).containsExactly(1.0);
    assertThatThrownBy(() -> values(rows, Aggregation.P90, MetricType.SUMMARY))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage(
            "aggregation p90 needs the 0.9 quantile, which Summary metric rpc.duration does not"
                + " record (it records 0, 0.5, 0.99); a Summary's quantiles cannot be computed"
                + " from one another: use avg, sum, min, count, rate, p50, p99");
    assertThatThrownBy(() -> values(List.of(summary("c", 1)), Aggregation.MAX, MetricType.SUMMARY))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("needs the 1 quantile")
        .hasMessageContaining("(it records none)");
    assertThat(values(List.of(), Aggregation.MAX, MetricType.SUMMARY)).isEmpty();
  }

  /** The values of the single series the rows reduce to (none when there is none). */
  static List<Double> values(
      List<BucketReducer.SeriesBucket> rows, Aggregation aggregation, MetricType type) {
    List<QueryResult.Series> out =
        BucketReducer.reduce(new ArrayList<>(rows), "rpc.duration", aggregation, 60, type);
    if (out.isEmpty()) {
      return List.of();
    }
    assertThat(out).hasSize(1);
    return out.get(0).points().stream().map(QueryResult.Point::value).toList();
  }
}
