package io.kubetel.store.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.layout.TableShapes;
import io.kubetel.store.layout.UnsupportedTableException;
import io.kubetel.store.schema.TableDiscovery;
import io.kubetel.store.sql.Tables;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The store contract on the current exporter generation's tables (fixture {@code
 * exporter/current.sql}: DateTime metric times, logs without TimestampTime), what discovery makes
 * of them, and the refusal of JSON-typed attribute tables.
 */
class CurrentExporterTablesIT extends ExporterTablesContract {
  @Override
  protected String generation() {
    return "current";
  }

  @Test
  void discoveryDescribesTheCurrentGeneration() {
    TableShapes shapes = TableDiscovery.discover(gateway, gateway.database());
    assertThat(shapes.type(Tables.GAUGE, "TimeUnix")).contains("DateTime");
    assertThat(shapes.isSeconds("TimeUnix")).isTrue();
    assertThat(shapes.logsHaveTimestampTime()).isFalse();
    assertThat(shapes.type(Tables.EXPONENTIAL_HISTOGRAM, "Scale")).contains("Int32");
    assertThat(shapes.materializedColumns(Tables.LOGS))
        .hasSize(8)
        .contains("__otel_materialized_k8s.namespace.name", "__otel_materialized_k8s.pod.name");
  }

  @Test
  void jsonAttributeTablesAreRefusedNamingTableAndColumn() {
    String db = gateway.database() + "_json";
    gateway.execute("CREATE DATABASE " + db);
    try (ClickHouseGateway json =
        new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), db))) {
      // The exporter's JSON-typed variant (an option of newer exporters): attributes as JSON.
      json.execute(
          "CREATE TABLE "
              + db
              + ".otel_logs (Timestamp DateTime64(9), ResourceAttributes JSON,"
              + " LogAttributes JSON, Body String) ENGINE = MergeTree ORDER BY Timestamp");
      try (var store = new ClickHouseTelemetryStore(json, SchemaLayout.MODERN, Clock.systemUTC())) {
        assertThatThrownBy(() -> store.listLogs(req(null, 10)))
            .isInstanceOf(UnsupportedTableException.class)
            .hasMessageContaining("otel_logs.LogAttributes is JSON")
            .hasMessageContaining("otel_logs.ResourceAttributes is JSON");
      }
    } finally {
      gateway.execute("DROP DATABASE IF EXISTS " + db);
    }
  }
}
