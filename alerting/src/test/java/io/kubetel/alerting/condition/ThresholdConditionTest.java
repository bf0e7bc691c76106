package io.kubetel.alerting.condition;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.alerting.condition.ThresholdCondition.Comparison;
import io.kubetel.model.query.QueryResult.Point;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The newest value decides, and a partial newest step falls back to the complete one before. */
class ThresholdConditionTest {
  static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
  final ThresholdCondition above = new ThresholdCondition(Comparison.GreaterThan, 0.1);

  SeriesInput input(Instant end, double... values) {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      points.add(new Point(T.plusSeconds(60L * i), values[i]));
    }
    return new SeriesInput("shop/r", "", Map.of(), points, 60, end, end);
  }

  @Test
  void theNewestStepDecidesWhenItHolds() {
    assertThat(above.evaluate(input(T.plusSeconds(90), 0.0, 0.2)))
        .isEqualTo(SeriesCondition.Verdict.of(true, 0.2));
    assertThat(above.evaluate(input(T.plusSeconds(120), 0.3, 0.05)).holds()).isFalse();
  }

  @Test
  void aPartialNewestStepThatDoesNotHoldFallsBackToTheCompleteOne() {
    // 10:01:10: the 10:01 step has 10 s of data; the complete 10:00 step had 0.3/s.
    assertThat(above.evaluate(input(T.plusSeconds(70), 0.3, 0.02)))
        .isEqualTo(SeriesCondition.Verdict.of(true, 0.3));
    // Not adjacent (a gap): no fall back.
    SeriesInput gap =
        new SeriesInput(
            "shop/r",
            "",
            Map.of(),
            List.of(new Point(T, 0.3), new Point(T.plusSeconds(120), 0.02)),
            60,
            T.plusSeconds(130),
            T.plusSeconds(130));
    assertThat(above.evaluate(gap).holds()).isFalse();
    assertThat(above.evaluate(input(T.plusSeconds(70))).hasData()).isFalse();
  }
}
