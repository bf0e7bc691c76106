package io.kubetel.store.clickhouse;

import static io.kubetel.store.clickhouse.KnownTelemetry.TRACE_A;
import static io.kubetel.store.clickhouse.KnownTelemetry.TRACE_B;
import static io.kubetel.store.clickhouse.KnownTelemetry.TRACE_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FilterOperator;
import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.Signal;
import io.kubetel.model.traces.SpanNode;
import io.kubetel.model.traces.TraceDetail;
import io.kubetel.model.traces.TraceSummary;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every read shape of the store on known data in the local (COMPAT) ClickHouse. */
class TelemetryStoreIT {
  static LocalClickHouse ch;
  static ClickHouseTelemetryStore store;
  static KnownTelemetry data;
  static TimeWindow window;

  @BeforeAll
  static void load() {
    ch = LocalClickHouse.start("store");
    Instant now = Instant.now();
    data = new KnownTelemetry(now);
    new TelemetryWriter(ch.gateway(), ch.layout()).write(data.batch);
    store = new ClickHouseTelemetryStore(ch.gateway(), ch.layout(), Clock.systemUTC());
    window = new TimeWindow(data.t0.minusSeconds(60), data.t0.plusSeconds(300));
  }

  @AfterAll
  static void stop() {
    if (ch != null) {
      ch.close();
    }
  }

  static ListRequest req(String ns, int limit, FieldFilter... filters) {
    return new ListRequest(
        Optional.ofNullable(ns), window, List.of(filters), Optional.empty(), limit, false);
  }

  static <T> List<T> all(ListRequest first, Function<ListRequest, Page<T>> list) {
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

  static MetricSeries series(List<MetricSeries> list, String metric, String pod) {
    return list.stream()
        .filter(s -> s.metricName().equals(metric) && s.pod().equals(pod))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void layoutIsCompat() {
    assertThat(ch.layout()).isEqualTo(SchemaLayout.COMPAT);
    store.ping();
  }

  @Test
  void listsMetricSeriesWithExactStats() {
    List<MetricSeries> shop = store.listSeries(req("shop", 100)).items();
    assertThat(shop)
        .extracting(MetricSeries::metricName)
        .containsExactly(
            "http.server.request.duration",
            "http.server.requests",
            "process.memory.usage",
            "process.memory.usage");
    MetricSeries gauge = series(shop, "process.memory.usage", "checkout-1");
    assertThat(gauge.type()).isEqualTo(MetricType.GAUGE);
    assertThat(gauge.namespace()).isEqualTo("shop");
    assertThat(gauge.service()).isEqualTo("checkout");
    assertThat(gauge.unit()).isEqualTo("By");
    assertThat(gauge.stats().last()).isEqualTo(30);
    assertThat(gauge.stats().min()).isEqualTo(10);
    assertThat(gauge.stats().max()).isEqualTo(30);
    assertThat(gauge.stats().avg()).isEqualTo(20);
    assertThat(gauge.stats().count()).isEqualTo(3);
    assertThat(gauge.stats().rate()).isNull();
    assertThat(gauge.stats().firstTime()).isEqualTo(data.t0);
    assertThat(gauge.stats().lastTime()).isEqualTo(data.at(20_000));
    assertThat(gauge.points()).isEmpty();
    assertThat(gauge.resourceAttributes()).containsEntry("k8s.node.name", "node-a");

    MetricSeries sum = series(shop, "http.server.requests", "checkout-1");
    assertThat(sum.monotonic()).isTrue();
    assertThat(sum.attributes())
        .containsEntry("http.route", "/cart")
        .containsEntry("http.method", "GET");
    // 100 -> 150 (+50) -> 20 (reset, +20) -> 50 (+30) over 30 s.
    assertThat(sum.stats().rate()).isCloseTo(100.0 / 30, within(1e-9));
    assertThat(sum.stats().last()).isEqualTo(50);

    MetricSeries hist = series(shop, "http.server.request.duration", "checkout-1");
    assertThat(hist.type()).isEqualTo(MetricType.HISTOGRAM);
    assertThat(hist.stats().count()).isEqualTo(20);
    assertThat(hist.stats().avg()).isEqualTo(30);
    assertThat(hist.stats().min()).isEqualTo(1);
    assertThat(hist.stats().max()).isEqualTo(500);
    assertThat(hist.stats().rate()).isCloseTo(20.0 / 30, within(1e-9));
    // merged buckets [5, 11, 4]: rank 10 falls in (10, 100] at 5/11.
    assertThat(hist.stats().p50()).isCloseTo(10 + 90 * 5.0 / 11, within(1e-9));

    assertThat(store.listSeries(req(null, 100)).items()).hasSize(5);
    assertThat(store.listSeries(req("payments", 100)).items())
        .singleElement()
        .satisfies(s -> assertThat(s.stats().last()).isEqualTo(7));
  }

  @Test
  void seriesPaginationReturnsEveryItemOnceAndNamesRoundTrip() {
    List<MetricSeries> everything = store.listSeries(req(null, 100)).items();
    List<MetricSeries> paged = all(req(null, 2), store::listSeries);
    assertThat(paged)
        .extracting(MetricSeries::name)
        .containsExactlyElementsOf(everything.stream().map(MetricSeries::name).toList());
    assertThat(all(req(null, 1), store::listSeries)).hasSize(5);

    for (MetricSeries s : everything) {
      assertThat(s.name())
          .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
      MetricSeries got = store.getSeries(s.namespace(), s.name(), window).orElseThrow();
      assertThat(got.name()).isEqualTo(s.name());
      assertThat(got.stats()).isEqualTo(s.stats());
      assertThat(got.points())
          .hasSize((int) (s.type() == MetricType.HISTOGRAM ? 2 : s.stats().count()));
    }
    MetricSeries gauge = series(everything, "process.memory.usage", "checkout-1");
    assertThat(store.getSeries("payments", gauge.name(), window)).isEmpty();
    assertThat(store.getSeries("shop", "not-a-series", window)).isEmpty();
    assertThat(store.getSeries("shop", gauge.name(), window).orElseThrow().points())
        .extracting(p -> p.value())
        .containsExactly(10.0, 20.0, 30.0);
  }

  @Test
  void everyFilterOperatorOnMetrics() {
    assertThat(store.listSeries(req("shop", 100, FieldFilter.eq("pod", "checkout-2"))).items())
        .hasSize(1);
    assertThat(
            store
                .listSeries(req("shop", 100, f("pod", FilterOperator.NOT_EQUALS, "checkout-1")))
                .items())
        .extracting(MetricSeries::pod)
        .containsExactly("checkout-2");
    assertThat(
            store
                .listSeries(req(null, 100, f("namespace", FilterOperator.IN, "shop", "payments")))
                .items())
        .hasSize(5);
    assertThat(
            store
                .listSeries(req(null, 100, f("service", FilterOperator.NOT_IN, "checkout")))
                .items())
        .extracting(MetricSeries::service)
        .containsExactly("payment");
    assertThat(store.listSeries(req("shop", 100, f("http.route", FilterOperator.EXISTS))).items())
        .hasSize(2);
    // NotEquals / DoesNotExist also match series without the attribute.
    assertThat(
            store.listSeries(req("shop", 100, f("http.route", FilterOperator.NOT_EXISTS))).items())
        .hasSize(2);
    assertThat(
            store
                .listSeries(req("shop", 100, f("http.method", FilterOperator.NOT_EQUALS, "GET")))
                .items())
        .hasSize(3);
    assertThat(store.listSeries(req("shop", 100, FieldFilter.eq("type", "Gauge"))).items())
        .hasSize(2);
    assertThat(
            store
                .listSeries(req("shop", 100, f("type", FilterOperator.NOT_IN, "Gauge", "Sum")))
                .items())
        .extracting(MetricSeries::type)
        .containsExactly(MetricType.HISTOGRAM);
    assertThat(
            store
                .listSeries(req(null, 100, FieldFilter.eq("resource.k8s.node.name", "node-b")))
                .items())
        .extracting(MetricSeries::pod)
        .containsExactly("checkout-2");
    assertThat(
            store
                .listSeries(req(null, 100, FieldFilter.eq("metric", "http.server.requests")))
                .items())
        .hasSize(1);
  }

  @Test
  void hostileValuesMatchNothingAndNeverFail() {
    for (String v :
        List.of(
            "' OR 1=1 --",
            "\\' OR 1=1 --",
            "\\",
            "'",
            "a'); DROP TABLE otel_logs; --",
            "\n",
            "✓\u0000")) {
      assertThat(store.listSeries(req("shop", 10, FieldFilter.eq("pod", v))).items()).isEmpty();
      assertThat(store.listSeries(req(v, 10)).items()).isEmpty();
      assertThat(store.listTraces(req("shop", 10, FieldFilter.eq("service", v))).items()).isEmpty();
      assertThat(
              store.listLogs(req("shop", 10, f("severity", FilterOperator.IN, v, v + "x"))).items())
          .isEmpty();
      assertThat(store.getLog(v, "1-abcdef01")).isEmpty();
      assertThat(store.getTrace("shop", v, window)).isEmpty();
    }
    assertThat(store.listLogs(req(null, 100)).items()).hasSize(6);
    assertThatThrownBy(() -> store.listSeries(req("shop", 10, FieldFilter.eq("a'b", "x"))))
        .isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void listsTracesNewestFirstWithSummaries() {
    List<TraceSummary> shop = store.listTraces(req("shop", 10)).items();
    assertThat(shop).extracting(TraceSummary::traceId).containsExactly(TRACE_C, TRACE_A);
    TraceSummary a = shop.get(1);
    assertThat(a.namespace()).isEqualTo("shop");
    assertThat(a.rootService()).isEqualTo("frontend");
    assertThat(a.rootSpan()).isEqualTo("GET /cart");
    assertThat(a.spanCount()).isEqualTo(3);
    assertThat(a.errorCount()).isEqualTo(1);
    assertThat(a.status()).isEqualTo("Error");
    assertThat(a.services()).containsExactly("cart", "checkout", "frontend");
    assertThat(a.start()).isEqualTo(data.t0);
    assertThat(a.durationNanos()).isEqualTo(100_000_000L);
    assertThat(shop.get(0).status()).isEqualTo("Unset");

    assertThat(store.listTraces(req(null, 10)).items())
        .extracting(TraceSummary::traceId)
        .containsExactly(TRACE_C, TRACE_B, TRACE_A);
    assertThat(all(req(null, 1), store::listTraces))
        .extracting(TraceSummary::traceId)
        .containsExactly(TRACE_C, TRACE_B, TRACE_A);
    // Any span matching is enough; negative filters mean no span matches.
    assertThat(store.listTraces(req("shop", 10, FieldFilter.eq("service", "cart"))).items())
        .extracting(TraceSummary::traceId)
        .containsExactly(TRACE_A);
    assertThat(
            store
                .listTraces(req("shop", 10, f("service", FilterOperator.NOT_EQUALS, "cart")))
                .items())
        .extracting(TraceSummary::traceId)
        .containsExactly(TRACE_C);
    assertThat(store.listTraces(req(null, 10, FieldFilter.eq("status", "Error"))).items())
        .extracting(TraceSummary::traceId)
        .containsExactly(TRACE_A);
    assertThat(
            store.listTraces(req(null, 10, f("span", FilterOperator.IN, "pay", "orphan"))).items())
        .extracting(TraceSummary::traceId)
        .containsExactly(TRACE_C, TRACE_B);
  }

  @Test
  void getsTraceTreeWithEventsAndOrphans() {
    TraceDetail a = store.getTrace("shop", TRACE_A, window).orElseThrow();
    assertThat(a.roots())
        .singleElement()
        .satisfies(
            root -> {
              assertThat(root.spanId()).isEqualTo("a1");
              assertThat(root.children()).extracting(SpanNode::spanId).containsExactly("a2");
              SpanNode checkout = root.children().get(0);
              assertThat(checkout.statusCode()).isEqualTo("Error");
              assertThat(checkout.pod()).isEqualTo("checkout-1");
              assertThat(checkout.events())
                  .singleElement()
                  .satisfies(
                      e -> {
                        assertThat(e.name()).isEqualTo("exception");
                        assertThat(e.time()).isEqualTo(data.at(30));
                        assertThat(e.attributes()).containsEntry("exception.type", "IOError");
                      });
              assertThat(checkout.children()).extracting(SpanNode::spanId).containsExactly("a3");
            });
    assertThat(a.summary().spanCount()).isEqualTo(3);
    assertThat(a.summary().durationNanos()).isEqualTo(100_000_000L);

    TraceDetail c = store.getTrace("shop", TRACE_C, window).orElseThrow();
    assertThat(c.roots()).extracting(SpanNode::spanId).containsExactly("c1", "c2");

    assertThat(store.getTrace("payments", TRACE_A, window)).isEmpty();
    // The trace-id index locates the trace even when the given window misses it.
    TimeWindow elsewhere =
        new TimeWindow(data.t0.minus(Duration.ofDays(3)), data.t0.minus(Duration.ofDays(2)));
    assertThat(store.getTrace("payments", TRACE_B, elsewhere)).isPresent();
  }

  @Test
  void listsLogsOldestFirstAndGetsThemByName() {
    List<LogEntry> shop = store.listLogs(req("shop", 100)).items();
    assertThat(shop)
        .extracting(LogEntry::body)
        .containsExactly("message 0", "message 1", "message 2", "message 3", "message 4");
    assertThat(shop.get(2).severityText()).isEqualTo("ERROR");
    assertThat(shop.get(2).severityNumber()).isEqualTo(17);
    assertThat(shop.get(2).traceId()).isEqualTo(TRACE_A);
    assertThat(shop.get(2).attributes()).containsEntry("idx", "2");
    assertThat(shop.get(2).timestamp()).isEqualTo(data.at(2000));

    List<LogEntry> paged = all(req(null, 2), store::listLogs);
    assertThat(paged).hasSize(6);
    assertThat(paged).extracting(LogEntry::name).doesNotHaveDuplicates();
    for (LogEntry e : paged) {
      assertThat(e.name()).matches("[0-9]+-[0-9a-f]{8}");
      assertThat(store.getLog(e.namespace(), e.name())).contains(e);
    }
    LogEntry hostile =
        paged.stream().filter(e -> e.namespace().equals("payments")).findFirst().orElseThrow();
    assertThat(hostile.body()).isEqualTo(KnownTelemetry.HOSTILE_BODY);
    assertThat(store.getLog("shop", hostile.name())).isEmpty();

    assertThat(
            store
                .listLogs(req("shop", 100, f("severity", FilterOperator.IN, "WARN", "ERROR")))
                .items())
        .extracting(LogEntry::severityText)
        .containsExactly("WARN", "ERROR");
    assertThat(store.listLogs(req(null, 100, FieldFilter.eq("traceId", TRACE_B))).items())
        .hasSize(1);
    assertThat(store.listLogs(req(null, 100, f("idx", FilterOperator.NOT_EXISTS))).items())
        .hasSize(1);
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

  static FieldFilter f(String key, FilterOperator op, String... values) {
    return new FieldFilter(key, op, List.of(values));
  }
}
