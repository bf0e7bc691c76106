package io.kubetel.store.testing;

import static io.kubetel.store.testing.KnownTelemetry.TRACE_A;
import static io.kubetel.store.testing.KnownTelemetry.TRACE_B;
import static io.kubetel.store.testing.KnownTelemetry.TRACE_C;
import static io.kubetel.store.testing.KnownTelemetry.TRACE_D;
import static io.kubetel.store.testing.KnownTelemetry.TRACE_E;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FilterOperator;
import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.store.TelemetryStore;
import io.kubetel.model.traces.SpanNode;
import io.kubetel.model.traces.TraceDetail;
import io.kubetel.model.traces.TraceSummary;
import io.kubetel.model.window.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The semantics every {@link TelemetryStore} must honour, asserted on {@link KnownTelemetry}: field
 * filters and their operators, attribute filters, half-open time windows, keyset paging, get by
 * name, trace trees, log records, and the query runner's and catalog's answers. Runs against
 * ClickHouse ({@code TelemetryStoreIT}) and the in-memory fake the API server's tests use ({@code
 * InMemoryTelemetryStoreTest}), so the fake cannot drift from storage unnoticed.
 */
public abstract class TelemetryStoreContract extends MetricTypesContract {
  @Test
  void listsMetricSeriesWithExactStats() {
    List<MetricSeries> shop = store.listSeries(req("shop", 100)).items();
    List<String> shopMetrics =
        new ArrayList<>(
            List.of(
                "http.server.request.duration",
                "http.server.requests",
                "process.memory.usage",
                "process.memory.usage"));
    if (exponential()) {
      shopMetrics.add(KnownTelemetry.EXPONENTIAL);
    }
    assertThat(shop).extracting(MetricSeries::metricName).containsExactlyElementsOf(shopMetrics);
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

    assertThat(store.listSeries(req(null, 100)).items()).hasSize(allSeries());
    assertThat(store.listSeries(req("payments", 100, FieldFilter.eq("type", "Gauge"))).items())
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
    assertThat(all(req(null, 1), store::listSeries)).hasSize(allSeries());

    for (MetricSeries s : everything) {
      assertThat(s.name())
          .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
      MetricSeries got = store.getSeries(s.namespace(), s.name(), window).orElseThrow();
      assertThat(got.name()).isEqualTo(s.name());
      assertThat(got.stats()).isEqualTo(s.stats());
      assertThat(got.points())
          .hasSize((int) (s.type().recordsObservations() ? 2 : s.stats().count()));
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
        .hasSize(allSeries());
    assertThat(
            store
                .listSeries(req(null, 100, f("service", FilterOperator.NOT_IN, "checkout")))
                .items())
        .extracting(MetricSeries::service)
        .containsExactly("payment", "payment");
    assertThat(store.listSeries(req("shop", 100, f("http.route", FilterOperator.EXISTS))).items())
        .hasSize(2);
    // NotEquals / DoesNotExist also match series without the attribute.
    assertThat(
            store.listSeries(req("shop", 100, f("http.route", FilterOperator.NOT_EXISTS))).items())
        .hasSize(2 + exponentialSeries());
    assertThat(
            store
                .listSeries(req("shop", 100, f("http.method", FilterOperator.NOT_EQUALS, "GET")))
                .items())
        .hasSize(3 + exponentialSeries());
    assertThat(store.listSeries(req("shop", 100, FieldFilter.eq("type", "gauge"))).items())
        .hasSize(2);
    assertThat(
            store
                .listSeries(req("shop", 100, f("type", FilterOperator.NOT_IN, "Gauge", "Sum")))
                .items())
        .extracting(MetricSeries::type)
        .containsExactlyElementsOf(
            exponential()
                ? List.of(MetricType.HISTOGRAM, MetricType.EXPONENTIAL_HISTOGRAM)
                : List.of(MetricType.HISTOGRAM));
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
        .containsExactly(TRACE_D, TRACE_C, TRACE_B, TRACE_A);
    assertThat(all(req(null, 1), store::listTraces))
        .extracting(TraceSummary::traceId)
        .containsExactly(TRACE_D, TRACE_C, TRACE_B, TRACE_A);
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
    // A trace of orphans only is never listed, but found by id with its orphan as root.
    assertThat(store.listTraces(req("payments", 10)).items())
        .extracting(TraceSummary::traceId)
        .containsExactly(TRACE_D, TRACE_B);
    assertThat(store.getTrace("payments", TRACE_E, window).orElseThrow().roots())
        .extracting(SpanNode::spanId)
        .containsExactly("e1");
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
  void recordAndResourceAttributesFilterEverySignal() {
    assertThat(store.listLogs(req(null, 100, FieldFilter.eq("idx", "3"))).items())
        .extracting(LogEntry::body)
        .containsExactly("message 3");
    assertThat(store.listLogs(req(null, 100, FieldFilter.eq("node", "node-a"))).items()).hasSize(6);
    assertThat(store.listTraces(req(null, 10, FieldFilter.eq("pod", "cart-1"))).items())
        .extracting(TraceSummary::traceId)
        .containsExactly(TRACE_A);
    assertThat(
            store
                .listTraces(req(null, 10, FieldFilter.eq("resource.k8s.node.name", "node-b")))
                .items())
        .extracting(TraceSummary::traceId)
        .containsExactly(TRACE_A);
    assertThat(store.listTraces(req(null, 10, f("http.route", FilterOperator.EXISTS))).items())
        .hasSize(4);
    assertThat(store.listTraces(req(null, 10, FieldFilter.eq("spanId", "c2"))).items())
        .extracting(TraceSummary::traceId)
        .containsExactly(TRACE_C);
  }
}
