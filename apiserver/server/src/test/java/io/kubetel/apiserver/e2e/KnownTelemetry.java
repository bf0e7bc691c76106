package io.kubetel.apiserver.e2e;

import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryBatch.Event;
import io.kubetel.store.write.TelemetryBatch.Gauge;
import io.kubetel.store.write.TelemetryBatch.Histogram;
import io.kubetel.store.write.TelemetryBatch.Log;
import io.kubetel.store.write.TelemetryBatch.Span;
import io.kubetel.store.write.TelemetryBatch.Sum;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Hand-built telemetry with exact, known values for the end-to-end kubectl ITs, all inside the
 * default 15-minute window ending at the time it is built.
 *
 * <p>Namespace {@code shop}: five metric series (two gauges, two sums told apart by the {@code env}
 * attribute, one histogram), two traces (a four-span checkout with an error span and an event, and
 * a one-span cart trace) and three logs (two correlated with the checkout trace). Namespace {@code
 * payments}: one gauge, one one-span trace and one log.
 */
public final class KnownTelemetry {
  public static final String CHECKOUT_TRACE = "0af7651916cd43dd8448eb211c80319c";
  public static final String CART_TRACE = "1bf7651916cd43dd8448eb211c80319d";
  public static final String LEDGER_TRACE = "2cf7651916cd43dd8448eb211c80319e";
  public static final String CHARGE_SPAN = "00f067aa0ba902b3";

  /** Metric names in namespace shop, one per series except requests (two series). */
  public static final String MEMORY = "process.memory.usage";

  public static final String REQUESTS = "http.server.requests";
  public static final String DURATION = "http.server.request.duration";
  public static final String QUEUE = "queue.depth";

  public static final String ORDER_PLACED = "order 42 placed";
  public static final String CARD_DECLINED = "card declined for order 42";
  public static final String CART_SLOW = "cart lookup was slow";
  public static final String LEDGER_OK = "ledger balanced";

  private KnownTelemetry() {}

  /** The resource attributes of a pod of {@code service} in {@code namespace}. */
  public static Map<String, String> pod(String namespace, String service) {
    return Map.of(
        "k8s.namespace.name", namespace,
        "k8s.pod.name", service + "-1",
        "service.name", service);
  }

  /** The known batch, with points placed relative to {@code now} (truncated to seconds). */
  public static TelemetryBatch build(Instant now) {
    TelemetryBatch b = new TelemetryBatch();
    Map<String, String> checkout = pod("shop", "checkout");
    Map<String, String> cart = pod("shop", "cart");
    Map<String, String> payments = pod("shop", "payments");
    Map<String, String> ledger = pod("payments", "ledger");
    Instant t1 = now.minusSeconds(240);
    Instant t2 = now.minusSeconds(180);
    Instant t3 = now.minusSeconds(120);

    // Gauges: checkout memory 100, 200, 300 (last 300, avg 200); cart memory 50.
    b.gauges.add(new Gauge(checkout, "checkout", MEMORY, "By", "memory", Map.of(), t1, 100));
    b.gauges.add(new Gauge(checkout, "checkout", MEMORY, "By", "memory", Map.of(), t2, 200));
    b.gauges.add(new Gauge(checkout, "checkout", MEMORY, "By", "memory", Map.of(), t3, 300));
    b.gauges.add(new Gauge(cart, "cart", MEMORY, "By", "memory", Map.of(), t3, 50));
    b.gauges.add(new Gauge(ledger, "ledger", QUEUE, "1", "queue depth", Map.of(), t3, 7));

    // Cumulative monotonic sums, one series per env.
    Map<String, String> prod = Map.of("env", "prod", "http.route", "/pay");
    Map<String, String> staging = Map.of("env", "staging", "http.route", "/cart");
    Instant start = now.minusSeconds(600);
    b.sums.add(sum(checkout, prod, start, t1, 10));
    b.sums.add(sum(checkout, prod, start, t2, 20));
    b.sums.add(sum(checkout, prod, start, t3, 40));
    b.sums.add(sum(checkout, staging, start, t3, 5));

    b.histograms.add(
        new Histogram(
            checkout,
            "checkout",
            DURATION,
            "ms",
            "request duration",
            Map.of("http.route", "/pay"),
            start,
            t3,
            4,
            400,
            List.of(1L, 2L, 1L),
            List.of(50.0, 150.0),
            20,
            250,
            2));

    // Checkout trace: checkout -> (cart, payments -> ledger); payments' charge span fails.
    Instant ts = now.minusSeconds(200);
    b.spans.add(
        span(checkout, "checkout", CHECKOUT_TRACE, "a1", "", "POST /checkout", ts, 900, "Ok"));
    b.spans.add(span(cart, "cart", CHECKOUT_TRACE, "b2", "a1", "GET /cart", ts, 100, "Ok"));
    b.spans.add(
        new Span(
            payments,
            "payments",
            CHECKOUT_TRACE,
            CHARGE_SPAN,
            id("a1"),
            "charge",
            "Server",
            ts.plusMillis(150),
            600_000_000L,
            "Error",
            "card declined",
            Map.of("payment.method", "card"),
            List.of(
                new Event(
                    ts.plusMillis(200),
                    "exception",
                    Map.of("exception.type", "PaymentDeclinedException")))));
    b.spans.add(
        new Span(
            pod("shop", "ledger"),
            "ledger",
            CHECKOUT_TRACE,
            id("d4"),
            CHARGE_SPAN,
            "INSERT ledger",
            "Client",
            ts.plusMillis(160),
            50_000_000L,
            "Unset",
            "",
            Map.of("db.system", "postgresql"),
            List.of()));
    b.spans.add(span(cart, "cart", CART_TRACE, "e5", "", "GET /cart", now.minusSeconds(150), 30));
    b.spans.add(span(ledger, "ledger", LEDGER_TRACE, "f6", "", "POST /ledger", t3, 20, "Ok"));

    b.logs.add(log(checkout, "checkout", ts.plusSeconds(1), CHECKOUT_TRACE, "a1", "INFO", 9));
    b.logs.add(
        new Log(
            payments,
            "payments",
            ts.plusMillis(800),
            CHECKOUT_TRACE,
            CHARGE_SPAN,
            "ERROR",
            17,
            CARD_DECLINED,
            Map.of("logger", "payments.charge")));
    b.logs.add(
        new Log(cart, "cart", t3, "", "", "WARN", 13, CART_SLOW, Map.of("logger", "cart.http")));
    b.logs.add(new Log(ledger, "ledger", t3, "", "", "INFO", 9, LEDGER_OK, Map.of()));
    return b;
  }

  /** A new INFO and a new ERROR log of ledger in payments at {@code time}, for watch tests. */
  public static TelemetryBatch ledgerLogs(Instant time, String infoBody, String errorBody) {
    TelemetryBatch b = new TelemetryBatch();
    Map<String, String> ledger = pod("payments", "ledger");
    b.logs.add(new Log(ledger, "ledger", time, "", "", "INFO", 9, infoBody, Map.of()));
    b.logs.add(new Log(ledger, "ledger", time, "", "", "ERROR", 17, errorBody, Map.of()));
    return b;
  }

  private static Sum sum(
      Map<String, String> resource,
      Map<String, String> attributes,
      Instant start,
      Instant time,
      double value) {
    return new Sum(
        resource, "checkout", REQUESTS, "1", "requests", attributes, start, time, value, 2, true);
  }

  private static Span span(
      Map<String, String> resource,
      String service,
      String trace,
      String span,
      String parent,
      String name,
      Instant start,
      long millis,
      String... status) {
    return new Span(
        resource,
        service,
        trace,
        id(span),
        parent.isEmpty() ? "" : id(parent),
        name,
        "Server",
        start,
        millis * 1_000_000L,
        status.length == 0 ? "Unset" : status[0],
        "",
        Map.of("http.route", name.substring(name.indexOf(' ') + 1)),
        List.of());
  }

  private static Log log(
      Map<String, String> resource,
      String service,
      Instant time,
      String trace,
      String span,
      String severity,
      int number) {
    return new Log(
        resource, service, time, trace, id(span), severity, number, ORDER_PLACED, Map.of());
  }

  /** A 16-hex-digit span id ending in {@code suffix}. */
  static String id(String suffix) {
    return "0".repeat(16 - suffix.length()) + suffix;
  }
}
