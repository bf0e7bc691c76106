package io.kubetel.store.testing;

import static io.kubetel.store.testing.KnownTelemetry.TRACE_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FilterOperator;
import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.QueryFilter;
import io.kubetel.model.query.QueryFilterOperator;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.model.store.TelemetryStore;
import io.kubetel.model.traces.TraceSummary;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.write.TelemetryBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The seeding and helpers of the store contract ({@link TelemetryStoreContract}), and its part on
 * time windows, field keys, the catalog and the query runner (every aggregation of every signal,
 * but the approximate quantiles ClickHouse computes over raw values).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TelemetryQueryContract {
  protected KnownTelemetry data;
  protected TimeWindow window;
  protected TelemetryStore store;

  /** Stores the batch and returns the store under test reading it (closed by the subclass). */
  protected abstract TelemetryStore seed(TelemetryBatch batch);

  @BeforeAll
  void seedKnownTelemetry() {
    data = new KnownTelemetry(Instant.now());
    window = data.window();
    store = seed(data.batch);
  }

  /**
   * Whether the store under test was given the exponential histograms: a store reading tables that
   * lack the table kubetel reads them from is not (see {@code ExporterTablesContract}).
   */
  protected boolean exponential() {
    return !data.batch.exponentialHistograms.isEmpty();
  }

  /** 1 when the exponential histogram series is there, else 0. */
  protected int exponentialSeries() {
    return exponential() ? 1 : 0;
  }

  /** How many series the known data has in the window (all namespaces). */
  protected int allSeries() {
    // shop: 2 gauges, 1 sum, 1 histogram (+ 1 exponential histogram); payments: 1 gauge, 1 summary
    return 6 + exponentialSeries();
  }

  protected ListRequest req(String ns, int limit, FieldFilter... filters) {
    return req(ns, window, limit, filters);
  }

  protected static ListRequest req(String ns, TimeWindow w, int limit, FieldFilter... filters) {
    return new ListRequest(
        Optional.ofNullable(ns), w, List.of(filters), Optional.empty(), limit, false);
  }

  /** Every page of a list, checking that no page is larger than the limit. */
  protected static <T> List<T> all(ListRequest first, Function<ListRequest, Page<T>> list) {
    List<T> out = new ArrayList<>();
    Optional<Cursor> after = Optional.empty();
    for (int i = 0; i < 50; i++) {
      ListRequest r =
          new ListRequest(
              first.namespace(),
              first.window(),
              first.filters(),
              after,
              first.limit(),
              first.detail());
      Page<T> page = list.apply(r);
      assertThat(page.items().size()).isLessThanOrEqualTo(first.limit());
      out.addAll(page.items());
      if (page.next().isEmpty()) {
        return out;
      }
      after = page.next();
    }
    throw new AssertionError("pagination did not end");
  }

  protected static MetricSeries series(List<MetricSeries> list, String metric, String pod) {
    return list.stream()
        .filter(s -> s.metricName().equals(metric) && s.pod().equals(pod))
        .findFirst()
        .orElseThrow();
  }

  protected static FieldFilter f(String key, FilterOperator op, String... values) {
    return new FieldFilter(key, op, List.of(values));
  }

  @Test
  void catalogKnowsRecentMetricsAndAttributeKeys() {
    assertThat(store.metricExists("process.memory.usage", Optional.of("shop"))).isTrue();
    assertThat(store.metricExists("http.server.requests", Optional.of("payments"))).isFalse();
    assertThat(store.metricExists("no.such.metric", Optional.empty())).isFalse();
    assertThat(store.metricExists("' OR 1=1 --", Optional.empty())).isFalse();
    assertThat(
            store.attributeKeys(
                Signal.METRICS, Optional.of("http.server.requests"), Optional.of("shop")))
        .containsExactly("http.method", "http.route");
    assertThat(store.attributeKeys(Signal.METRICS, Optional.empty(), Optional.of("payments")))
        .isEmpty();
    assertThat(store.attributeKeys(Signal.TRACES, Optional.empty(), Optional.empty()))
        .containsExactly("http.route");
    assertThat(store.attributeKeys(Signal.LOGS, Optional.empty(), Optional.of("shop")))
        .containsExactly("idx");
  }

  @Test
  void windowsIncludeTheirStartAndExcludeTheirEnd() {
    TimeWindow logs = new TimeWindow(data.at(1000), data.at(3000));
    assertThat(store.listLogs(req("shop", logs, 100)).items())
        .extracting(LogEntry::body)
        .containsExactly("message 1", "message 2");
    TimeWindow twoGaugePoints = new TimeWindow(data.t0, data.at(20_000));
    assertThat(
            series(
                    store.listSeries(req("shop", twoGaugePoints, 100)).items(),
                    "process.memory.usage",
                    "checkout-1")
                .stats()
                .count())
        .isEqualTo(2);
    MetricSeries gauge =
        series(store.listSeries(req("shop", 100)).items(), "process.memory.usage", "checkout-1");
    assertThat(store.getSeries("shop", gauge.name(), twoGaugePoints).orElseThrow().points())
        .extracting(p -> p.value())
        .containsExactly(10.0, 20.0);
    TimeWindow afterAll = new TimeWindow(data.at(60_000), data.at(120_000));
    assertThat(store.getSeries("shop", gauge.name(), afterAll)).isEmpty();
    assertThat(store.listSeries(req(null, afterAll, 100)).items()).isEmpty();
    // Traces are windowed by their root span: B starts exactly at the end.
    assertThat(store.listTraces(req(null, new TimeWindow(data.t0, data.at(1000)), 10)).items())
        .extracting(TraceSummary::traceId)
        .containsExactly(TRACE_A);
  }

  @Test
  void keysOfAnotherSignalAndInvalidKeysAreRefused() {
    assertThatThrownBy(() -> store.listLogs(req("shop", 10, FieldFilter.eq("span", "x"))))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> store.listTraces(req("shop", 10, FieldFilter.eq("severity", "x"))))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> store.listSeries(req("shop", 10, FieldFilter.eq("status", "Ok"))))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> store.listLogs(req("shop", 10, FieldFilter.eq("resource.", "x"))))
        .isInstanceOf(InvalidQueryException.class);
  }

  protected TelemetryQuerySpec spec(
      Signal signal, String metric, Aggregation agg, String... groupBy) {
    return data.query(signal, metric, agg, groupBy);
  }

  protected QueryResult run(TelemetryQuerySpec spec) {
    return store.run(spec, Optional.of("shop"), Instant.now());
  }

  /** The single point of the single series (all known data falls in the bucket starting at T0). */
  protected double single(QueryResult r) {
    assertThat(r.series()).hasSize(1);
    assertThat(r.series().get(0).points())
        .singleElement()
        .satisfies(p -> assertThat(p.time()).isEqualTo(data.t0));
    return r.series().get(0).points().get(0).value();
  }

  /** The first point's value of each series, by the value of one group-by label. */
  public static Map<String, Double> byLabel(QueryResult r, String key) {
    return r.series().stream()
        .collect(Collectors.toMap(s -> s.labels().get(key), s -> s.points().get(0).value()));
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
