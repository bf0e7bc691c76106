package io.kubetel.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.model.store.StoreLimitException;
import io.kubetel.model.store.StoreSchemaException;
import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.layout.Tables;
import io.kubetel.store.testing.KnownTelemetry;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read bounds and connection failures surface as the store's exceptions, and a missing metric table
 * does not, in the layout the local ClickHouse gets (hack/test.sh runs this on both).
 */
class StoreErrorsIT {
  static LocalClickHouse ch;
  static KnownTelemetry data;

  @BeforeAll
  static void load() {
    ch = LocalClickHouse.start("errors");
    data = new KnownTelemetry(Instant.now());
    new TelemetryWriter(ch.gateway(), ch.layout()).write(data.batch);
  }

  @AfterAll
  static void stop() {
    if (ch != null) {
      ch.close();
    }
  }

  private ListRequest all() {
    return new ListRequest(
        Optional.empty(), data.window(), List.of(), Optional.empty(), 100, false);
  }

  private ClickHouseTelemetryStore store(ClickHouseSettings settings) {
    return new ClickHouseTelemetryStore(
        new ClickHouseGateway(settings), ch.layout(), Clock.systemUTC());
  }

  @Test
  void tooManyResultRowsIsALimitError() {
    assertListLogsHits(2, 1_000_000, StoreLimitException.Limit.RESULT_ROWS, "narrow");
  }

  @Test
  void tooManyRowsReadIsALimitError() {
    assertListLogsHits(1000, 2, StoreLimitException.Limit.ROWS_READ, "narrow the time window");
  }

  /** Listing logs with these row limits fails with {@code limit} and advice in the message. */
  private void assertListLogsHits(
      long maxResultRows, long maxRowsRead, StoreLimitException.Limit limit, String advice) {
    try (var store =
        store(ch.settings().withLimits(Duration.ofSeconds(10), maxResultRows, maxRowsRead))) {
      assertThatThrownBy(() -> store.listLogs(all()))
          .isInstanceOfSatisfying(
              StoreLimitException.class,
              e -> {
                assertThat(e.limit()).isEqualTo(limit);
                assertThat(e.getMessage()).contains(advice);
              });
    }
  }

  @Test
  void slowQueryIsAnExecutionTimeLimitError() {
    ClickHouseSettings settings =
        ch.settings().withLimits(Duration.ofSeconds(1), 1000, Long.MAX_VALUE);
    try (var gateway = new ClickHouseGateway(settings)) {
      assertThatThrownBy(
              () -> gateway.select("SELECT count() AS n FROM system.numbers FORMAT JSONEachRow"))
          .isInstanceOfSatisfying(
              StoreLimitException.class,
              e -> assertThat(e.limit()).isEqualTo(StoreLimitException.Limit.EXECUTION_TIME));
    }
  }

  @Test
  void unreachableServerIsUnavailable() {
    ClickHouseSettings dead = ClickHouseSettings.of("http://127.0.0.1:1", "otel");
    try (var store = store(dead)) {
      assertThatThrownBy(store::ping).isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(() -> store.listLogs(all())).isInstanceOf(StoreUnavailableException.class);
    }
    try (var lazy = new ClickHouseTelemetryStore(dead)) {
      assertThatThrownBy(() -> lazy.listTraces(all()))
          .isInstanceOf(StoreUnavailableException.class);
    }
  }

  @Test
  void aMissingDatabaseOrTableIsNamedNotQueried() {
    try (var store = store(ch.settings().withDatabase("kt_does_not_exist"))) {
      assertThatThrownBy(() -> store.listLogs(all()))
          .isInstanceOf(StoreSchemaException.class)
          .hasMessageContaining("telemetry table kt_does_not_exist.otel_logs does not exist");
      assertThatThrownBy(() -> store.listSeries(all()))
          .isInstanceOf(StoreSchemaException.class)
          .hasMessageContaining("kt_does_not_exist.otel_metrics_gauge does not exist");
    }
  }

  @Test
  void aMissingMetricTableHoldsNoSeriesAndTheOthersStillRead() {
    // A database need not have every metric table (an exporter naming one differently, tables
    // not created yet): reading the others must not fail because one is missing.
    try (LocalClickHouse partial = LocalClickHouse.start("partial");
        var store = store(partial.settings())) {
      partial.writer().write(data.batch);
      partial.gateway().execute("DROP TABLE " + partial.database() + "." + Tables.SUMMARY);
      List<MetricSeries> series = store.listSeries(all()).items();
      assertThat(series).isNotEmpty();
      assertThat(series).extracting(MetricSeries::type).doesNotContain(MetricType.SUMMARY);
      assertThat(store.metricExists(KnownTelemetry.SUMMARY, Optional.empty())).isFalse();
      TelemetryQuerySpec p99 = data.query(Signal.METRICS, KnownTelemetry.SUMMARY, Aggregation.P99);
      assertThat(store.run(p99, Optional.empty(), Instant.now()).series()).isEmpty();
      assertThat(store.attributeKeys(Signal.METRICS, Optional.empty(), Optional.of("shop")))
          .contains("http.route");
    }
  }
}
