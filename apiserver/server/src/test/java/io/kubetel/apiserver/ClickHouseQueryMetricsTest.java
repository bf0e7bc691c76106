package io.kubetel.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.apiserver.http.RequestMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What {@code /metrics} shows about ClickHouse reads and request durations. */
class ClickHouseQueryMetricsTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void readsShowTheirDurationRowsAndBytesWithoutTheSql() {
    var metrics = new ClickHouseQueryMetrics(registry);
    metrics.selected("SELECT secret_column FROM t", 7_000_000, 12, 8192, 65536);
    metrics.selected("SELECT 1", 2_000_000, 1, 0, 0);

    String text = registry.scrape();
    assertThat(text)
        .contains("kubetel_clickhouse_query_seconds_bucket{le=\"0.005\"} 1")
        .contains("kubetel_clickhouse_query_seconds_bucket{le=\"0.01\"} 2")
        .contains("kubetel_clickhouse_query_seconds_count 2")
        .contains("kubetel_clickhouse_query_result_rows_sum 13.0")
        .contains("kubetel_clickhouse_query_read_rows_sum 8192.0")
        .contains("kubetel_clickhouse_query_read_bytes_sum 65536.0")
        .doesNotContain("secret_column");
  }

  @Test
  void requestDurationsAreAHistogramByVerbResourceAndCode() {
    new RequestMetrics(registry).record("list", "metrics", 200, Duration.ofMillis(30));

    assertThat(registry.scrape())
        .contains(
            "kubetel_apiserver_requests_seconds_bucket{code=\"200\",resource=\"metrics\",verb=\"list\",le=\"0.025\"} 0")
        .contains(
            "kubetel_apiserver_requests_seconds_bucket{code=\"200\",resource=\"metrics\",verb=\"list\",le=\"0.05\"} 1");
  }
}
