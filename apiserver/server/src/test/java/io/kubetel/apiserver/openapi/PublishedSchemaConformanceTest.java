package io.kubetel.apiserver.openapi;

import static io.kubetel.apiserver.testing.Fixtures.log;
import static io.kubetel.apiserver.testing.Fixtures.series;
import static io.kubetel.apiserver.testing.Fixtures.span;
import static io.kubetel.apiserver.testing.Fixtures.trace;
import static io.kubetel.apiserver.testing.Fixtures.traceId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.logs.LogsResource;
import io.kubetel.apiserver.metrics.MetricsResource;
import io.kubetel.apiserver.resource.ApiJson;
import io.kubetel.apiserver.resource.ObjectList;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.apiserver.resource.ServedObject;
import io.kubetel.apiserver.testing.PublishedSchemas;
import io.kubetel.apiserver.traces.TracesResource;
import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.metrics.MetricPoint;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricStats;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.traces.SpanNode;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.testing.InMemoryTelemetryStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Objects as the resources serve them match the component schemas published in the OpenAPI v3
 * document (strictly: no unlisted fields, null only where nullable), and a schema that drifts from
 * the code fails.
 */
class PublishedSchemaConformanceTest {
  private static final Instant T = Instant.parse("2026-11-30T10:00:00.123456789Z");
  private static final TimeWindow WINDOW = new TimeWindow(T.minusSeconds(900), T);

  private final MetricsResource metrics = new MetricsResource(null);
  private final TracesResource traces = new TracesResource(null);
  private final LogsResource logs = new LogsResource(new InMemoryTelemetryStore());
  private final List<ResourceInfo> infos = List.of(metrics.info(), traces.info(), logs.info());

  /** Every served shape: with and without detail, statistics, optional and null fields. */
  private List<JsonNode> served() {
    MetricSeries gauge =
        series("m1", "shop", "latency", MetricType.GAUGE, "cart", "cart-1", Map.of("a", "1"));
    MetricSeries histogram =
        new MetricSeries(
            "m2",
            "shop",
            "x",
            MetricType.HISTOGRAM,
            null,
            null,
            null,
            null,
            false,
            Map.of(),
            Map.of(),
            new MetricStats(T.minusSeconds(5), T, 1.5, 0, 3, 2.0, 7, 0.1, 1.0, 0.5, 2.0),
            List.of(new MetricPoint(T, 42, 3.0), new MetricPoint(T, 1, null)));
    // A summary that records neither its 0/1 quantiles nor 0.95: min, max and p95 are left out.
    MetricSeries summary =
        new MetricSeries(
            "m3",
            "shop",
            "rpc.server.duration",
            MetricType.SUMMARY,
            "ms",
            null,
            "pay",
            "pay-1",
            false,
            Map.of(),
            Map.of(),
            new MetricStats(
                T.minusSeconds(5), T, 1.5, Double.NaN, Double.NaN, 2.0, 7, 0.1, 1.0, null, 2.0),
            List.of(new MetricPoint(T, 42, 3.0)));
    SpanNode child = span("c1", "r1", "charge", "pay", "shop", T, 5000, "Error", List.of());
    SpanNode root = span("r1", null, "checkout", "cart", "shop", T, 1234567, "Ok", List.of(child));
    LogEntry full = log("l1", "shop", T, "ERROR", "cart", "boom", traceId(1), Map.of("z", "1"));
    LogEntry empty =
        new LogEntry("l2", "shop", T, null, 0, null, null, null, null, null, Map.of(), Map.of());
    List<ServedObject> metricObjects =
        List.of(
            metrics.toObject(gauge, "5", WINDOW, true),
            metrics.toObject(histogram, "5", WINDOW, true),
            metrics.toObject(histogram, "5", WINDOW, false),
            metrics.toObject(summary, "5", WINDOW, true));
    return List.of(
        tree(ObjectList.of("MetricList", metricObjects, "5", "next-token")),
        tree(traces.toObject(trace(traceId(1), "shop", root), "6", WINDOW, true)),
        tree(logs.toObject(full, "7", WINDOW, true)),
        tree(logs.toObject(empty, "7", WINDOW, true)));
  }

  private static JsonNode tree(Object served) {
    return ApiJson.MAPPER.valueToTree(served);
  }

  @Test
  void servedObjectsMatchThePublishedSchemas() {
    PublishedSchemas schemas = PublishedSchemas.of(OpenApiV3Document.build(infos));

    assertThat(schemas.publishes("Metric")).isTrue();
    assertThat(schemas.publishes("MetricList")).isTrue();
    // Unpublished kinds are skipped by problems(): every served kind must be published.
    assertThat(schemas.publishes("Trace")).isTrue();
    assertThat(schemas.publishes("LogRecord")).isTrue();
    for (JsonNode object : served()) {
      assertThat(schemas.problems(object)).as(object.toString()).isEmpty();
    }
  }

  @Test
  void aSchemaThatDriftsFromTheCodeFails() {
    ObjectNode document = OpenApiV3Document.build(infos);
    ObjectNode status =
        (ObjectNode)
            document.at(
                "/components/schemas/io.kubetel.telemetry.v1alpha1.Metric/properties/status/properties");
    status.remove("rate");
    ((ObjectNode) status.get("count")).put("type", "string");

    List<String> problems = PublishedSchemas.of(document).problems(served().get(0));

    assertThat(String.join("\n", problems)).contains("rate").contains("count");
  }

  @Test
  void nullIsAllowedOnlyWhereTheSchemaSaysNullable() {
    ObjectNode document = OpenApiV3Document.build(infos);
    ((ObjectNode)
            document.at(
                "/components/schemas/io.kubetel.telemetry.v1alpha1.LogRecord/properties/spec/properties/body"))
        .remove("nullable");

    List<String> problems = PublishedSchemas.of(document).problems(served().get(3));

    assertThat(String.join("\n", problems)).contains("body");
  }
}
