package io.kubetel.store.testing;

import static io.kubetel.store.testing.KnownTelemetry.EXPONENTIAL;
import static io.kubetel.store.testing.KnownTelemetry.STALE_ONLY;
import static io.kubetel.store.testing.KnownTelemetry.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.metrics.MetricPoint;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricStats;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.query.Signal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The store contract's part on the metric types beyond gauges, sums and explicit histograms, and on
 * points flagged "no recorded value": exponential histogram statistics from merged buckets across a
 * scale change, summary statistics from the recorded quantiles, their TelemetryQuery aggregations
 * (and the refusal of a quantile a summary does not record), and staleness markers counted nowhere.
 */
public abstract class MetricTypesContract extends TelemetryQueryContract {

  private MetricSeries only(String namespace, String metric) {
    List<MetricSeries> found =
        store.listSeries(req(namespace, 100, FieldFilter.eq("metric", metric))).items();
    assertThat(found).as("series of %s in %s", metric, namespace).hasSize(1);
    return found.get(0);
  }

  private void assumeExponential() {
    assumeTrue(exponential(), "this store was given no exponential histograms");
  }

  @Test
  void exponentialHistogramStatsComeFromTheMergedBuckets() {
    assumeExponential();
    MetricSeries s = only("shop", EXPONENTIAL);
    assertThat(s.type()).isEqualTo(MetricType.EXPONENTIAL_HISTOGRAM);
    assertThat(s.unit()).isEqualTo("ms");
    assertThat(s.service()).isEqualTo("checkout");
    assertThat(s.pod()).isEqualTo("checkout-1");
    assertThat(s.attributes()).containsEntry("rpc.method", "Charge");
    MetricStats st = s.stats();
    // 4 -> 14 calls, 40 -> 240 ms: 10 calls of 200 ms in the window.
    assertThat(st.count()).isEqualTo(10);
    assertThat(st.avg()).isEqualTo(20);
    assertThat(st.rate()).isCloseTo(10.0 / 30, within(1e-9));
    assertThat(st.last()).isCloseTo(240.0 / 14, within(1e-9));
    assertThat(st.min()).isZero();
    assertThat(st.max()).isEqualTo(40);
    assertThat(st.firstTime()).isEqualTo(data.t0);
    assertThat(st.lastTime()).isEqualTo(data.at(30_000));
    // The increase: 2 zeros and 8 in (16, 40]; rank 5 is 3/8 into (16, 40].
    assertThat(st.p50()).isCloseTo(16 + 24 * 3.0 / 8, within(1e-9));
    assertThat(st.p95()).isCloseTo(16 + 24 * 7.5 / 8, within(1e-9));
    assertThat(st.p99()).isCloseTo(16 + 24 * 7.9 / 8, within(1e-9));
    assertThat(store.getSeries("shop", s.name(), window).orElseThrow().points())
        .extracting(MetricPoint::time, MetricPoint::value, MetricPoint::sum)
        .containsExactly(
            Tuple.tuple(data.t0, 4.0, 40.0), Tuple.tuple(data.at(30_000), 14.0, 240.0));
  }

  @Test
  void summaryStatsReportTheLatestRecordedQuantiles() {
    MetricSeries s = only("payments", SUMMARY);
    assertThat(s.type()).isEqualTo(MetricType.SUMMARY);
    assertThat(s.service()).isEqualTo("payment");
    assertThat(s.monotonic()).isFalse();
    MetricStats st = s.stats();
    // 100 -> 150 calls, 1000 -> 1600 ms over 20 s.
    assertThat(st.count()).isEqualTo(50);
    assertThat(st.avg()).isEqualTo(12);
    assertThat(st.rate()).isCloseTo(2.5, within(1e-9));
    assertThat(st.last()).isCloseTo(1600.0 / 150, within(1e-9));
    // min/max: the smallest 0 quantile and the largest 1 quantile of the window's points.
    assertThat(st.min()).isEqualTo(1);
    assertThat(st.max()).isEqualTo(80);
    assertThat(st.p50()).isEqualTo(9);
    assertThat(st.p99()).isEqualTo(50);
    assertThat(st.p95()).as("0.95 is not recorded").isNull();
    assertThat(store.getSeries("payments", s.name(), window).orElseThrow().points())
        .extracting(MetricPoint::value, MetricPoint::sum)
        .containsExactly(Tuple.tuple(100.0, 1000.0), Tuple.tuple(150.0, 1600.0));
    assertThat(store.listSeries(req(null, 100, FieldFilter.eq("type", "Summary"))).items())
        .extracting(MetricSeries::metricName)
        .containsExactly(SUMMARY);
  }

  @Test
  void exponentialHistogramAggregations() {
    assumeExponential();
    assertThat(single(run(spec(Signal.METRICS, EXPONENTIAL, Aggregation.COUNT)))).isEqualTo(10);
    assertThat(single(run(spec(Signal.METRICS, EXPONENTIAL, Aggregation.SUM)))).isEqualTo(200);
    assertThat(single(run(spec(Signal.METRICS, EXPONENTIAL, Aggregation.AVG)))).isEqualTo(20);
    assertThat(single(run(spec(Signal.METRICS, EXPONENTIAL, Aggregation.RATE))))
        .isCloseTo(10.0 / 60, within(1e-9));
    assertThat(single(run(spec(Signal.METRICS, EXPONENTIAL, Aggregation.MIN)))).isZero();
    assertThat(single(run(spec(Signal.METRICS, EXPONENTIAL, Aggregation.MAX)))).isEqualTo(40);
    assertThat(single(run(spec(Signal.METRICS, EXPONENTIAL, Aggregation.P50))))
        .isCloseTo(16 + 24 * 3.0 / 8, within(1e-9));
    assertThat(single(run(spec(Signal.METRICS, EXPONENTIAL, Aggregation.P90))))
        .isCloseTo(16 + 24 * 7.0 / 8, within(1e-9));
    QueryResult byMethod = run(spec(Signal.METRICS, EXPONENTIAL, Aggregation.P99, "rpc.method"));
    assertThat(byLabel(byMethod, "rpc.method")).containsOnlyKeys("Charge");
  }

  private QueryResult payments(Aggregation aggregation) {
    return store.run(
        spec(Signal.METRICS, SUMMARY, aggregation), Optional.of("payments"), Instant.now());
  }

  @Test
  void summaryAggregationsReadRecordedQuantiles() {
    assertThat(single(payments(Aggregation.P50))).isEqualTo(9);
    assertThat(single(payments(Aggregation.P90))).isEqualTo(22);
    assertThat(single(payments(Aggregation.P99))).isEqualTo(50);
    // min and max are the latest point's 0 and 1 quantiles in the step.
    assertThat(single(payments(Aggregation.MIN))).isEqualTo(2);
    assertThat(single(payments(Aggregation.MAX))).isEqualTo(80);
    assertThat(single(payments(Aggregation.COUNT))).isEqualTo(50);
    assertThat(single(payments(Aggregation.SUM))).isEqualTo(600);
    assertThat(single(payments(Aggregation.AVG))).isEqualTo(12);
    assertThat(single(payments(Aggregation.RATE))).isCloseTo(50.0 / 60, within(1e-9));
    assertThatThrownBy(() -> payments(Aggregation.P95))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("needs the 0.95 quantile, which Summary metric " + SUMMARY)
        .hasMessageContaining("it records 0, 0.5, 0.9, 0.99, 1")
        .hasMessageContaining("use avg, sum, min, max, count, rate, p50, p90, p99");
  }

  @Test
  void catalogSeesEveryMetricType() {
    assertThat(store.metricExists(SUMMARY, Optional.of("payments"))).isTrue();
    assertThat(store.metricExists(SUMMARY, Optional.of("shop"))).isFalse();
    if (exponential()) {
      assertThat(store.metricExists(EXPONENTIAL, Optional.of("shop"))).isTrue();
      assertThat(store.attributeKeys(Signal.METRICS, Optional.of(EXPONENTIAL), Optional.empty()))
          .containsExactly("rpc.method");
    }
    assertThat(store.attributeKeys(Signal.METRICS, Optional.empty(), Optional.of("shop")))
        .containsAll(
            exponential()
                ? List.of("http.method", "http.route", "rpc.method")
                : List.of("http.method", "http.route"));
  }

  @Test
  void pointsWithoutRecordedValueAreNeverCounted() {
    // A metric of staleness markers only: no series, no data in the catalog or in queries.
    assertThat(store.listSeries(req(null, 100, FieldFilter.eq("metric", STALE_ONLY))).items())
        .isEmpty();
    assertThat(store.metricExists(STALE_ONLY, Optional.empty())).isFalse();
    assertThat(run(spec(Signal.METRICS, STALE_ONLY, Aggregation.MAX)).series()).isEmpty();

    // Every other type got a marker after its last real point: had it counted, the gauge's last
    // value would be 999 and each counter would look reset to 0.
    List<MetricSeries> all = store.listSeries(req(null, 100)).items();
    MetricSeries gauge = series(all, "process.memory.usage", "checkout-1");
    assertThat(gauge.stats().count()).isEqualTo(3);
    assertThat(gauge.stats().last()).isEqualTo(30);
    assertThat(gauge.stats().lastTime()).isEqualTo(data.at(20_000));
    assertThat(store.getSeries("shop", gauge.name(), window).orElseThrow().points())
        .extracting(MetricPoint::value)
        .containsExactly(10.0, 20.0, 30.0);
    assertThat(series(all, "http.server.requests", "checkout-1").stats().rate())
        .isCloseTo(100.0 / 30, within(1e-9));
    assertThat(series(all, "http.server.request.duration", "checkout-1").stats().count())
        .isEqualTo(20);
    assertThat(series(all, SUMMARY, "payment-1").stats().count()).isEqualTo(50);
    assertThat(series(all, SUMMARY, "payment-1").stats().p50()).isEqualTo(9);
    if (exponential()) {
      assertThat(series(all, EXPONENTIAL, "checkout-1").stats().count()).isEqualTo(10);
    }
    assertThat(single(run(spec(Signal.METRICS, "process.memory.usage", Aggregation.MAX))))
        .isEqualTo(30);
    assertThat(single(run(spec(Signal.METRICS, "http.server.request.duration", Aggregation.COUNT))))
        .isEqualTo(20);
  }
}
