package io.kubetel.apiserver.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.resource.ApiJson;
import io.kubetel.model.metrics.MetricPoint;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricStats;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.window.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metric object conversion: labels, statistics, points, non-finite values, table cells. */
class MetricsResourceTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  final MetricsResource resource = new MetricsResource(null);

  MetricSeries histogram() {
    MetricStats stats =
        new MetricStats(
            NOW.minusSeconds(300),
            NOW.minusSeconds(10),
            12.5,
            1,
            90,
            Double.NaN,
            40,
            0.25,
            10.0,
            50.0,
            88.0);
    return new MetricSeries(
        "http.server.duration-0123456789",
        "shop",
        "http.server.duration",
        MetricType.HISTOGRAM,
        "ms",
        "latency",
        "checkout",
        "checkout-7d9f",
        false,
        Map.of("http.route", "/cart", "http.method", "GET", "type", "ignored"),
        Map.of("k8s.namespace.name", "shop"),
        stats,
        List.of(
            new MetricPoint(NOW.minusSeconds(300), 10, 120.0),
            new MetricPoint(NOW.minusSeconds(10), 30, 400.0)));
  }

  @Test
  void objectCarriesSpecStatusAndPointsOnlyWithDetail() {
    TimeWindow w = new TimeWindow(NOW.minusSeconds(900), NOW);
    JsonNode o = ApiJson.MAPPER.valueToTree(resource.toObject(histogram(), "42", w, true));
    assertThat(o.path("apiVersion").asText()).isEqualTo("telemetry.kubetel.io/v1alpha1");
    assertThat(o.path("metadata").path("resourceVersion").asText()).isEqualTo("42");
    assertThat(o.path("metadata").path("labels").toString())
        .isEqualTo(
            "{\"http.method\":\"GET\",\"metric\":\"http.server.duration\",\"pod\":\"checkout-7d9f\","
                + "\"service\":\"checkout\",\"type\":\"Histogram\"}");
    assertThat(o.path("spec").path("type").asText()).isEqualTo("Histogram");
    assertThat(o.path("status").has("avg")).as("NaN is left out").isFalse();
    assertThat(o.path("status").path("p99").asDouble()).isEqualTo(88.0);
    assertThat(o.path("status").path("rate").asDouble()).isEqualTo(0.25);
    assertThat(o.path("status").path("points").get(1).path("sum").asDouble()).isEqualTo(400.0);
    assertThat(
            ApiJson.MAPPER
                .valueToTree(resource.toObject(histogram(), "42", w, false))
                .path("status")
                .has("points"))
        .isFalse();
  }

  @Test
  void cellsFollowTheColumns() {
    List<Object> cells = resource.cells(histogram(), NOW);
    assertThat(cells).hasSameSizeAs(resource.columns());
    assertThat(cells)
        .containsExactly(
            "http.server.duration-0123456789",
            "http.server.duration",
            "Histogram",
            "checkout",
            12.5,
            "ms",
            "5m",
            "checkout-7d9f",
            1.0,
            90.0,
            null,
            40L,
            0.25,
            88.0);
  }

  @Test
  void fieldValuesAndNames() {
    assertThat(resource.fieldValues(histogram(), "type")).containsExactly("Histogram");
    assertThat(resource.fieldValues(histogram(), "metadata.namespace")).containsExactly("shop");
    assertThat(resource.fieldValues(histogram(), "unknown")).isNull();
    assertThat(resource.nameRule().problem("UPPER")).isPresent();
    assertThat(resource.nameRule().problem("http.server.duration-0123456789")).isEmpty();
  }
}
