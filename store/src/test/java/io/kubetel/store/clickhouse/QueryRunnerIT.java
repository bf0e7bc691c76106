package io.kubetel.store.clickhouse;

import static io.kubetel.store.testing.TelemetryQueryContract.byLabel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.QueryFilter;
import io.kubetel.model.query.QueryFilterOperator;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.testing.KnownTelemetry;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every aggregation of every signal on known data in the local (COMPAT) ClickHouse. */
class QueryRunnerIT {
  static LocalClickHouse ch;
  static ClickHouseTelemetryStore store;
  static KnownTelemetry data;

  @BeforeAll
  static void load() {
    ch = LocalClickHouse.start("query");
    data = new KnownTelemetry(Instant.now());
    new TelemetryWriter(ch.gateway(), ch.layout()).write(data.batch);
    store = new ClickHouseTelemetryStore(ch.gateway(), ch.layout(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (ch != null) {
      ch.close();
    }
  }

  static TelemetryQuerySpec spec(Signal signal, String metric, Aggregation agg, String... groupBy) {
    return data.query(signal, metric, agg, groupBy);
  }

  static QueryResult run(TelemetryQuerySpec spec) {
    return store.run(spec, Optional.of("shop"), Instant.now());
  }

  /** The single point of the single series (all known data falls in the bucket starting at T0). */
  static double single(QueryResult r) {
    assertThat(r.series()).hasSize(1);
    assertThat(r.series().get(0).points())
        .singleElement()
        .satisfies(p -> assertThat(p.time()).isEqualTo(data.t0));
    return r.series().get(0).points().get(0).value();
  }

  @Test
  void gaugeAggregations() {
    String m = "process.memory.usage";
    assertThat(byLabel(run(spec(Signal.METRICS, m, Aggregation.AVG, "pod")), "pod"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("checkout-1", 20.0, "checkout-2", 5.0));
    assertThat(single(run(spec(Signal.METRICS, m, Aggregation.MAX)))).isEqualTo(30);
    assertThat(single(run(spec(Signal.METRICS, m, Aggregation.MIN)))).isEqualTo(5);
    assertThat(single(run(spec(Signal.METRICS, m, Aggregation.SUM)))).isEqualTo(65);
    assertThat(single(run(spec(Signal.METRICS, m, Aggregation.COUNT)))).isEqualTo(4);
    TelemetryQuerySpec p50 = spec(Signal.METRICS, m, Aggregation.P50);
    p50.setFilters(
        List.of(new QueryFilter("pod", QueryFilterOperator.Equals, List.of("checkout-1"))));
    assertThat(single(run(p50))).isEqualTo(20);
    QueryResult r = run(spec(Signal.METRICS, m, Aggregation.AVG));
    assertThat(r.stepSeconds()).isEqualTo(60);
    assertThat(r.aggregation()).isEqualTo(Aggregation.AVG);
    assertThatThrownBy(() -> run(spec(Signal.METRICS, m, Aggregation.RATE)))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("Gauge");
    assertThat(
            store
                .run(
                    spec(Signal.METRICS, m, Aggregation.AVG),
                    Optional.of("payments"),
                    Instant.now())
                .series()
                .get(0)
                .points()
                .get(0)
                .value())
        .isEqualTo(7);
  }

  @Test
  void counterRateHandlesReset() {
    QueryResult r =
        run(spec(Signal.METRICS, "http.server.requests", Aggregation.RATE, "http.route"));
    assertThat(r.series().get(0).labels()).containsEntry("http.route", "/cart");
    assertThat(single(r)).isCloseTo(100.0 / 60, within(1e-9));
    assertThat(single(run(spec(Signal.METRICS, "http.server.requests", Aggregation.MAX))))
        .isEqualTo(150);
  }

  @Test
  void histogramAggregations() {
    String m = "http.server.request.duration";
    assertThat(single(run(spec(Signal.METRICS, m, Aggregation.COUNT)))).isEqualTo(20);
    assertThat(single(run(spec(Signal.METRICS, m, Aggregation.SUM)))).isEqualTo(600);
    assertThat(single(run(spec(Signal.METRICS, m, Aggregation.AVG)))).isEqualTo(30);
    assertThat(single(run(spec(Signal.METRICS, m, Aggregation.RATE))))
        .isCloseTo(20.0 / 60, within(1e-9));
    assertThat(single(run(spec(Signal.METRICS, m, Aggregation.MIN)))).isEqualTo(1);
    assertThat(single(run(spec(Signal.METRICS, m, Aggregation.MAX)))).isEqualTo(500);
    assertThat(single(run(spec(Signal.METRICS, m, Aggregation.P50))))
        .isCloseTo(10 + 90 * 5.0 / 11, within(1e-9));
    // rank 19 of 20 falls in the last bucket (100, max=500] at 3/4.
    assertThat(single(run(spec(Signal.METRICS, m, Aggregation.P95))))
        .isCloseTo(100 + 400 * 3.0 / 4, within(1e-9));
    assertThat(run(spec(Signal.METRICS, "no.such.metric", Aggregation.AVG)).series()).isEmpty();
  }

  @Test
  void traceAggregationsUseSpanDurationInMilliseconds() {
    // shop spans: 100, 50, 20 (trace A) and 30, 5 (trace C) ms.
    assertThat(single(run(spec(Signal.TRACES, null, Aggregation.AVG)))).isEqualTo(41);
    assertThat(single(run(spec(Signal.TRACES, null, Aggregation.COUNT)))).isEqualTo(5);
    assertThat(single(run(spec(Signal.TRACES, null, Aggregation.MAX)))).isEqualTo(100);
    assertThat(single(run(spec(Signal.TRACES, null, Aggregation.MIN)))).isEqualTo(5);
    assertThat(single(run(spec(Signal.TRACES, null, Aggregation.SUM)))).isEqualTo(205);
    assertThat(single(run(spec(Signal.TRACES, null, Aggregation.P50)))).isEqualTo(30);
    assertThat(single(run(spec(Signal.TRACES, null, Aggregation.RATE))))
        .isCloseTo(5.0 / 60, within(1e-9));
    assertThat(byLabel(run(spec(Signal.TRACES, null, Aggregation.AVG, "service")), "service"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("frontend", 65.0, "checkout", 27.5, "cart", 20.0));
    TelemetryQuerySpec errors = spec(Signal.TRACES, null, Aggregation.COUNT);
    errors.setFilters(
        List.of(new QueryFilter("status", QueryFilterOperator.Equals, List.of("Error"))));
    assertThat(single(run(errors))).isEqualTo(1);
  }

  @Test
  void logAggregations() {
    assertThat(single(run(spec(Signal.LOGS, null, null)))).isEqualTo(5);
    assertThat(single(run(spec(Signal.LOGS, null, Aggregation.RATE))))
        .isCloseTo(5.0 / 60, within(1e-9));
    assertThat(byLabel(run(spec(Signal.LOGS, null, Aggregation.COUNT, "severity")), "severity"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("INFO", 2.0, "WARN", 1.0, "ERROR", 1.0, "DEBUG", 1.0));
    TelemetryQuerySpec hostile = spec(Signal.LOGS, null, Aggregation.COUNT);
    hostile.setFilters(
        List.of(
            new QueryFilter("severity", QueryFilterOperator.In, List.of("' OR 1=1 --", "\\'"))));
    assertThat(run(hostile).series()).isEmpty();
  }

  @Test
  void invalidSpecReportsEveryProblem() {
    TelemetryQuerySpec s = spec(Signal.LOGS, null, Aggregation.P99);
    s.setStep("0s");
    s.setFilters(List.of(new QueryFilter("metric", QueryFilterOperator.Exists, List.of("x"))));
    assertThatThrownBy(() -> run(s))
        .isInstanceOfSatisfying(
            InvalidQueryException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anySatisfy(p -> assertThat(p).contains("p99 does not apply to logs"))
                    .anySatisfy(p -> assertThat(p).contains("shorter than the minimum of 1s"))
                    .anySatisfy(p -> assertThat(p).contains("'metric' does not apply to logs"))
                    .anySatisfy(p -> assertThat(p).contains("takes no values")));
  }
}
