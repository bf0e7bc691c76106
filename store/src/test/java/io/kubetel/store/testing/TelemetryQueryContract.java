package io.kubetel.store.testing;

import static io.kubetel.store.testing.KnownTelemetry.TRACE_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FilterOperator;
import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.InvalidQueryException;
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
 * time windows, field keys, the query runner and the catalog.
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

  protected TelemetryQuerySpec gaugeQuery(Aggregation agg, String... groupBy) {
    return data.query(Signal.METRICS, "process.memory.usage", agg, groupBy);
  }

  /** The first point's value of each series, by the value of one group-by label. */
  public static Map<String, Double> byLabel(QueryResult r, String key) {
    return r.series().stream()
        .collect(Collectors.toMap(s -> s.labels().get(key), s -> s.points().get(0).value()));
  }

  @Test
  void queriesAggregateGaugesPerStepAndGroup() {
    QueryResult avg = store.run(gaugeQuery(Aggregation.AVG, "pod"), Optional.of("shop"), data.t0);
    assertThat(avg.stepSeconds()).isEqualTo(60);
    assertThat(avg.start()).isEqualTo(data.t0.minusSeconds(60));
    assertThat(avg.series())
        .allSatisfy(
            s ->
                assertThat(s.points())
                    .singleElement()
                    .satisfies(p -> assertThat(p.time()).isEqualTo(data.t0)));
    assertThat(byLabel(avg, "pod")).isEqualTo(Map.of("checkout-1", 20.0, "checkout-2", 5.0));
    assertThat(
            byLabel(
                store.run(gaugeQuery(Aggregation.MAX, "namespace"), Optional.empty(), data.t0),
                "namespace"))
        .isEqualTo(Map.of("shop", 30.0, "payments", 7.0));
    assertThat(
            store
                .run(gaugeQuery(Aggregation.COUNT), Optional.of("payments"), data.t0)
                .series()
                .get(0)
                .points()
                .get(0)
                .value())
        .isEqualTo(1.0);
  }

  @Test
  void queriesOfUnknownMetricsFindNothingAndInvalidSpecsAreRefused() {
    TelemetryQuerySpec unknown = gaugeQuery(Aggregation.AVG);
    unknown.setMetric("no.such.metric");
    assertThat(store.run(unknown, Optional.of("shop"), data.t0).series()).isEmpty();
    TelemetryQuerySpec noMetric = gaugeQuery(Aggregation.AVG);
    noMetric.setMetric(null);
    assertThatThrownBy(() -> store.run(noMetric, Optional.of("shop"), data.t0))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> store.run(gaugeQuery(Aggregation.RATE), Optional.of("shop"), data.t0))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("Gauge");
  }
}
