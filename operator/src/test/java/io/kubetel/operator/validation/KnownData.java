package io.kubetel.operator.validation;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubetel.model.query.QueryCatalog;
import io.kubetel.store.query.ClickHouseQueryCatalog;
import io.kubetel.store.schema.DatabaseTables;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes a little shop telemetry (namespace {@value #NAMESPACE}, where the examples live) into a
 * test database and gives a real ClickHouse {@link QueryCatalog} over it: what hack/sample-data
 * writes and the example Dashboard reads — metrics {@code http.server.request.duration}
 * (histogram), {@code http.server.requests} (counter with {@code http.status_code}) and {@code
 * k8s.pod.cpu.utilization} (gauge), the attribute {@code http.route} on metrics and spans, and a
 * log.
 */
final class KnownData {
  static final String NAMESPACE = "shop";

  private KnownData() {}

  /** The object of {@code examples/<file>} (the examples users apply), as {@code type}. */
  static <T> T example(String file, Class<T> type) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("..", "examples", file))) {
      return new KubernetesSerialization().unmarshal(in, type);
    }
  }

  static QueryCatalog write(LocalClickHouse ch) {
    Instant t = Instant.now().minusSeconds(300);
    Map<String, String> resource =
        Map.of(
            "k8s.namespace.name",
            NAMESPACE,
            "service.name",
            "checkout",
            "k8s.pod.name",
            "checkout-0");
    TelemetryBatch batch = new TelemetryBatch();
    batch.histograms.add(
        new TelemetryBatch.Histogram(
            resource,
            "checkout",
            "http.server.request.duration",
            "ms",
            "duration",
            Map.of("http.route", "/cart"),
            t.minusSeconds(60),
            t,
            10,
            1234.0,
            List.of(2L, 5L, 3L),
            List.of(100.0, 500.0),
            12.0,
            900.0,
            2));
    batch.sums.add(
        new TelemetryBatch.Sum(
            resource,
            "checkout",
            "http.server.requests",
            "{request}",
            "requests",
            Map.of("http.route", "/checkout", "http.method", "POST", "http.status_code", "500"),
            t.minusSeconds(60),
            t,
            3,
            2,
            true));
    batch.gauges.add(
        new TelemetryBatch.Gauge(
            resource, "checkout", "k8s.pod.cpu.utilization", "1", "cpu", Map.of(), t, 0.4));
    batch.spans.add(
        new TelemetryBatch.Span(
            resource,
            "checkout",
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            "",
            "GET /cart",
            "Server",
            t,
            12_000_000L,
            "Ok",
            "",
            Map.of("http.route", "/cart"),
            List.of()));
    batch.logs.add(
        new TelemetryBatch.Log(
            resource,
            "checkout",
            t,
            "",
            "",
            "ERROR",
            17,
            "payment failed",
            Map.of("order.id", "42")));
    new TelemetryWriter(ch.gateway(), ch.layout()).write(batch);
    // As the operator builds it: the database's tables discovered on first use.
    return ClickHouseQueryCatalog.over(
        new DatabaseTables(ch.gateway(), ch::layout, ch.database(), Clock.systemUTC()),
        Clock.systemUTC());
  }
}
