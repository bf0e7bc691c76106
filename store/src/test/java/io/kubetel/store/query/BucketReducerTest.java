package io.kubetel.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.QueryResult;
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
        0,
        0,
        0,
        null,
        null,
        null,
        null,
        Double.NaN,
        Double.NaN);
  }

  @Test
  void cumulativeRateAcrossBucketsWithReset() {
    List<QueryResult.Series> out =
        BucketReducer.reduce(
            List.of(sum("a", 60, 2, 10, 20, 30), sum("a", 0, 2, 0, 5), sum("a", 120, 2, 4, 8)),
            Aggregation.RATE,
            60,
            false);
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
            List.of(sum("a", 0, 1, 3, 4), sum("b", 0, 1, 10)), Aggregation.RATE, 10, false);
    assertThat(out.get(0).points().get(0).value()).isCloseTo(1.7, within(1e-12));
  }
}
