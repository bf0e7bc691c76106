package io.kubetel.anomaly.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.model.metrics.MetricPoint;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** What the scan judges per metric type: gauge value, counter rate, mean observation. */
class SeriesValuesTest {
  private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void gaugeValuesAreJudgedAsTheyAre() {
    SeriesValues values = new SeriesValues();
    MetricSeries gauge = series(MetricType.GAUGE, false);

    assertThat(values.value("g", gauge, new MetricPoint(T, 42.5, null))).hasValue(42.5);
  }

  @Test
  void countersBecomeRatesAndAResetYieldsNothing() {
    SeriesValues values = new SeriesValues();
    MetricSeries counter = series(MetricType.SUM, true);

    assertThat(values.value("c", counter, new MetricPoint(T, 100, null))).isEmpty();
    assertThat(values.value("c", counter, new MetricPoint(T.plusSeconds(15), 130, null)))
        .hasValue(2.0);
    assertThat(values.value("c", counter, new MetricPoint(T.plusSeconds(30), 5, null))).isEmpty();
    assertThat(values.value("c", counter, new MetricPoint(T.plusSeconds(45), 20, null)))
        .hasValue(1.0);
  }

  @Test
  void histogramsBecomeTheMeanObservationBetweenPoints() {
    SeriesValues values = new SeriesValues();
    MetricSeries histogram = series(MetricType.HISTOGRAM, false);

    values.value("h", histogram, new MetricPoint(T, 10, 200.0));
    OptionalDouble mean =
        values.value("h", histogram, new MetricPoint(T.plusSeconds(15), 14, 600.0));
    OptionalDouble idle =
        values.value("h", histogram, new MetricPoint(T.plusSeconds(30), 14, 600.0));

    assertThat(mean).hasValue(100.0);
    assertThat(idle).as("no observations, no mean").isEmpty();
  }

  private static MetricSeries series(MetricType type, boolean monotonic) {
    return new MetricSeries(
        "m-1",
        "shop",
        "m",
        type,
        "1",
        "",
        "checkout",
        "pod",
        monotonic,
        Map.of(),
        Map.of(),
        null,
        List.of());
  }
}
