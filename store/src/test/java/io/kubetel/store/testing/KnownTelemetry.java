package io.kubetel.store.testing;

import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryBatch.Event;
import io.kubetel.store.write.TelemetryBatch.ExpBuckets;
import io.kubetel.store.write.TelemetryBatch.ExponentialHistogram;
import io.kubetel.store.write.TelemetryBatch.Gauge;
import io.kubetel.store.write.TelemetryBatch.Histogram;
import io.kubetel.store.write.TelemetryBatch.Log;
import io.kubetel.store.write.TelemetryBatch.Span;
import io.kubetel.store.write.TelemetryBatch.Sum;
import io.kubetel.store.write.TelemetryBatch.Summary;
import io.kubetel.store.write.TelemetryBatch.ValueAtQuantile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A small data set with hand-computed expectations, written relative to a minute-aligned T0 ten
 * minutes before "now": the data the store contract ({@link TelemetryStoreContract}) and the
 * ClickHouse ITs assert on. Every metric type has a series, and every type has a point flagged "no
 * recorded value" that must not count.
 */
public final class KnownTelemetry {
  public static final String TRACE_A = "0000000000000000000000000000000a";
  public static final String TRACE_B = "0000000000000000000000000000000b";
  public static final String TRACE_C = "0000000000000000000000000000000c";
  public static final String TRACE_D = "0000000000000000000000000000000d";
  public static final String TRACE_E = "0000000000000000000000000000000e";

  /** The exponential histogram (shop, checkout-1). */
  public static final String EXPONENTIAL = "rpc.client.duration";

  /** The summary (payments, payment-1). */
  public static final String SUMMARY = "rpc.server.duration";

  /** A metric of which only staleness markers were written. */
  public static final String STALE_ONLY = "process.open_fds";

  public static final String HOSTILE_BODY =
      "it's a \\'trap\\' '; DROP TABLE otel_logs; --\nline2 ✓";

  public final Instant t0;
  public final TelemetryBatch batch = new TelemetryBatch();

  public KnownTelemetry(Instant now) {
    this.t0 = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
    Map<String, String> c1 = res("shop", "checkout-1", "node-a");
    Map<String, String> c2 = res("shop", "checkout-2", "node-b");
    Map<String, String> p1 = res("payments", "payment-1", "node-a");
    Map<String, String> f1 = res("shop", "frontend-1", "node-a");
    Map<String, String> cart1 = res("shop", "cart-1", "node-b");

    for (int i = 0; i < 3; i++) {
      batch.gauges.add(
          new Gauge(
              c1,
              "checkout",
              "process.memory.usage",
              "By",
              "memory",
              Map.of(),
              at(i * 10_000),
              10 * (i + 1)));
    }
    batch.gauges.add(
        new Gauge(c2, "checkout", "process.memory.usage", "By", "memory", Map.of(), t0, 5));
    batch.gauges.add(
        new Gauge(p1, "payment", "process.memory.usage", "By", "memory", Map.of(), t0, 7));

    double[] sums = {100, 150, 20, 50};
    Map<String, String> route = Map.of("http.route", "/cart", "http.method", "GET");
    for (int i = 0; i < sums.length; i++) {
      batch.sums.add(
          new Sum(
              c1,
              "checkout",
              "http.server.requests",
              "1",
              "requests",
              route,
              t0.minusSeconds(60),
              at(i * 10_000),
              sums[i],
              2,
              true));
    }
    batch.histograms.add(
        new Histogram(
            c1,
            "checkout",
            "http.server.request.duration",
            "ms",
            "latency",
            Map.of("http.route", "/cart"),
            t0.minusSeconds(60),
            t0,
            10,
            200,
            List.of(5L, 4L, 1L),
            List.of(10.0, 100.0),
            1,
            500,
            2));
    batch.histograms.add(
        new Histogram(
            c1,
            "checkout",
            "http.server.request.duration",
            "ms",
            "latency",
            Map.of("http.route", "/cart"),
            t0.minusSeconds(60),
            at(30_000),
            30,
            800,
            List.of(10L, 15L, 5L),
            List.of(10.0, 100.0),
            1,
            500,
            2));

    // Exponential histogram (cumulative): 4 calls in (8, 16] ms at scale 0, then 10 more reported
    // at the coarser scale -1, where (8, 16] is part of (4, 16]: 2 zero-duration calls and 8 in
    // (16, 64] ms, narrowed to (16, 40] by the max.
    Map<String, String> charge = Map.of("rpc.method", "Charge");
    batch.exponentialHistograms.add(
        exponential(
            c1, charge, t0, 4, 40, new ExpBuckets(0, 0, 3, List.of(4L), 0, List.of()), 9, 15, 0));
    batch.exponentialHistograms.add(
        exponential(
            c1,
            charge,
            at(30_000),
            14,
            240,
            new ExpBuckets(-1, 2, 1, List.of(4L, 8L), 0, List.of()),
            0,
            40,
            0));
    // Summary (payments): count 100 -> 150, sum 1000 -> 1600, quantiles as the source computed.
    batch.summaries.add(
        summary(
            p1, t0, 100, 1000, List.of(q(0, 1), q(0.5, 8), q(0.9, 20), q(0.99, 45), q(1, 60)), 0));
    batch.summaries.add(
        summary(
            p1,
            at(20_000),
            150,
            1600,
            List.of(q(0, 2), q(0.5, 9), q(0.9, 22), q(0.99, 50), q(1, 80)),
            0));

    // Staleness markers ("no recorded value"): each would change its series' statistics (a new
    // last value, a counter reset) if it were counted; a metric of only markers is no metric.
    int stale = TelemetryBatch.NO_RECORDED_VALUE;
    batch.gauges.add(
        new Gauge(
            c1,
            "checkout",
            "process.memory.usage",
            "By",
            "memory",
            Map.of(),
            at(25_000),
            999,
            stale));
    batch.gauges.add(
        new Gauge(c1, "checkout", STALE_ONLY, "1", "open files", Map.of(), at(5_000), 12, stale));
    batch.sums.add(
        new Sum(
            c1,
            "checkout",
            "http.server.requests",
            "1",
            "requests",
            route,
            t0.minusSeconds(60),
            at(35_000),
            0,
            2,
            true,
            stale));
    batch.histograms.add(
        new Histogram(
            c1,
            "checkout",
            "http.server.request.duration",
            "ms",
            "latency",
            Map.of("http.route", "/cart"),
            t0.minusSeconds(60),
            at(40_000),
            0,
            0,
            List.of(0L, 0L, 0L),
            List.of(10.0, 100.0),
            0,
            0,
            2,
            stale));
    batch.exponentialHistograms.add(
        exponential(
            c1,
            charge,
            at(40_000),
            0,
            0,
            new ExpBuckets(0, 0, 0, List.of(), 0, List.of()),
            0,
            0,
            stale));
    batch.summaries.add(summary(p1, at(25_000), 0, 0, List.of(q(0.5, 999)), stale));

    // Trace A (shop): frontend -> checkout (error, exception event) -> cart.
    batch.spans.add(
        span(f1, "frontend", TRACE_A, "a1", "", "GET /cart", at(0), 100, "Ok", List.of()));
    batch.spans.add(
        span(
            c1,
            "checkout",
            TRACE_A,
            "a2",
            "a1",
            "checkout",
            at(10),
            50,
            "Error",
            List.of(new Event(at(30), "exception", Map.of("exception.type", "IOError")))));
    batch.spans.add(
        span(cart1, "cart", TRACE_A, "a3", "a2", "cart.get", at(20), 20, "Unset", List.of()));
    // Trace B (payments): one span.
    batch.spans.add(span(p1, "payment", TRACE_B, "b1", "", "pay", at(1000), 10, "Ok", List.of()));
    // Trace C (shop): root plus an orphan whose parent was never recorded.
    batch.spans.add(
        span(f1, "frontend", TRACE_C, "c1", "", "GET /", at(2000), 30, "Unset", List.of()));
    batch.spans.add(
        span(c1, "checkout", TRACE_C, "c2", "missing", "orphan", at(2010), 5, "Unset", List.of()));
    // Trace D (payments): starts with C, so newest-first breaks the tie by trace id (D first).
    batch.spans.add(
        span(p1, "payment", TRACE_D, "d1", "", "refund", at(2000), 10, "Ok", List.of()));
    // Trace E (payments): only an orphan, so it has no root span to be listed by; found by id.
    batch.spans.add(
        span(p1, "payment", TRACE_E, "e1", "gone", "late", at(3000), 10, "Unset", List.of()));

    String[] sev = {"INFO", "WARN", "ERROR", "INFO", "DEBUG"};
    int[] num = {9, 13, 17, 9, 5};
    for (int i = 0; i < 5; i++) {
      batch.logs.add(
          new Log(
              c1,
              "checkout",
              at(i * 1000),
              TRACE_A,
              "a2",
              sev[i],
              num[i],
              "message " + i,
              Map.of("idx", Integer.toString(i))));
    }
    batch.logs.add(
        new Log(p1, "payment", at(500), TRACE_B, "b1", "INFO", 9, HOSTILE_BODY, Map.of()));
  }

  private ExponentialHistogram exponential(
      Map<String, String> resource,
      Map<String, String> attributes,
      Instant time,
      long count,
      double sum,
      ExpBuckets buckets,
      double min,
      double max,
      int flags) {
    return new ExponentialHistogram(
        resource,
        "checkout",
        EXPONENTIAL,
        "ms",
        "client call duration",
        attributes,
        t0.minusSeconds(60),
        time,
        count,
        sum,
        buckets,
        min,
        max,
        2,
        flags);
  }

  private Summary summary(
      Map<String, String> resource,
      Instant time,
      long count,
      double sum,
      List<ValueAtQuantile> quantiles,
      int flags) {
    return new Summary(
        resource,
        "payment",
        SUMMARY,
        "ms",
        "server call duration",
        Map.of(),
        t0.minusSeconds(60),
        time,
        count,
        sum,
        quantiles,
        flags);
  }

  private static ValueAtQuantile q(double quantile, double value) {
    return new ValueAtQuantile(quantile, value);
  }

  /** The window every expectation is written for: a minute before T0 to five minutes after. */
  public TimeWindow window() {
    return new TimeWindow(t0.minusSeconds(60), t0.plusSeconds(300));
  }

  /** A query over {@link #window()} in one-minute steps. */
  public TelemetryQuerySpec query(
      Signal signal, String metric, Aggregation aggregation, String... groupBy) {
    TelemetryQuerySpec s = new TelemetryQuerySpec();
    s.setSignal(signal);
    s.setMetric(metric);
    s.setAggregation(aggregation);
    s.setGroupBy(List.of(groupBy));
    s.setStart(window().start().toString());
    s.setEnd(window().end().toString());
    s.setStep("1m");
    return s;
  }

  /** T0 plus {@code millis}. */
  public Instant at(long millis) {
    return t0.plusMillis(millis);
  }

  /** Kubernetes resource attributes of a pod. */
  public static Map<String, String> res(String ns, String pod, String node) {
    return Map.of("k8s.namespace.name", ns, "k8s.pod.name", pod, "k8s.node.name", node);
  }

  private static Span span(
      Map<String, String> res,
      String svc,
      String trace,
      String id,
      String parent,
      String name,
      Instant start,
      long millis,
      String status,
      List<Event> events) {
    return new Span(
        res,
        svc,
        trace,
        id,
        parent,
        name,
        "Server",
        start,
        millis * 1_000_000,
        status,
        status.equals("Error") ? "boom" : "",
        Map.of("http.route", "/cart"),
        events);
  }
}
