package io.kubetel.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.model.traces.TraceSummary;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.schema.ClickHouseSchemaManager;
import io.kubetel.store.testing.KnownTelemetry;
import io.kubetel.store.write.TelemetryWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.clickhouse.ClickHouseContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The MODERN (exporter) layout on a current ClickHouse in a container: schema, one write and one
 * read per signal. Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class ModernLayoutIT {
  @Container
  static final ClickHouseContainer CLICKHOUSE =
      new ClickHouseContainer("clickhouse/clickhouse-server:24.8");

  static ClickHouseGateway gateway;
  static ClickHouseTelemetryStore store;
  static KnownTelemetry data;
  static TimeWindow window;

  @BeforeAll
  static void load() {
    ClickHouseSettings settings =
        ClickHouseSettings.of(CLICKHOUSE.getHttpUrl(), "otel")
            .withCredentials(CLICKHOUSE.getUsername(), CLICKHOUSE.getPassword());
    gateway = new ClickHouseGateway(settings);
    ClickHouseSchemaManager schema = new ClickHouseSchemaManager(gateway);
    assertThat(schema.layout()).isEqualTo(SchemaLayout.MODERN);
    schema.ensureSchema("otel");
    schema.ensureSchema("otel");
    data = new KnownTelemetry(Instant.now());
    new TelemetryWriter(gateway, SchemaLayout.MODERN).write(data.batch);
    store = new ClickHouseTelemetryStore(gateway, SchemaLayout.MODERN, Clock.systemUTC());
    window = data.window();
  }

  @AfterAll
  static void close() {
    if (store != null) {
      store.close();
    }
  }

  static ListRequest req(String ns) {
    return new ListRequest(
        Optional.ofNullable(ns), window, List.of(), Optional.empty(), 100, false);
  }

  @Test
  void metricsRoundTrip() {
    List<MetricSeries> shop = store.listSeries(req("shop")).items();
    assertThat(shop).hasSize(4);
    MetricSeries hist =
        shop.stream()
            .filter(s -> s.metricName().equals("http.server.request.duration"))
            .findFirst()
            .orElseThrow();
    assertThat(hist.stats().count()).isEqualTo(20);
    assertThat(store.getSeries("shop", hist.name(), window)).isPresent();
  }

  @Test
  void tracesRoundTrip() {
    assertThat(store.listTraces(req("shop")).items())
        .extracting(TraceSummary::traceId)
        .containsExactly(KnownTelemetry.TRACE_C, KnownTelemetry.TRACE_A);
    assertThat(store.getTrace("shop", KnownTelemetry.TRACE_A, window).orElseThrow().roots())
        .hasSize(1);
  }

  @Test
  void logsRoundTrip() {
    List<LogEntry> logs = store.listLogs(req(null)).items();
    assertThat(logs).hasSize(6);
    assertThat(store.getLog(logs.get(0).namespace(), logs.get(0).name())).contains(logs.get(0));
  }

  @Test
  void queriesRun() {
    TelemetryQuerySpec s = new TelemetryQuerySpec();
    s.setSignal(Signal.METRICS);
    s.setMetric("http.server.requests");
    s.setAggregation(Aggregation.RATE);
    s.setStart(window.start().toString());
    s.setEnd(window.end().toString());
    s.setStep("1m");
    QueryResult r = store.run(s, Optional.of("shop"), Instant.now());
    assertThat(r.series()).hasSize(1);
  }
}
