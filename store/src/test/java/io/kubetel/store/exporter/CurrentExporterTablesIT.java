package io.kubetel.store.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubetel.model.query.Signal;
import io.kubetel.model.store.TelemetryStore;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.layout.TableShapes;
import io.kubetel.store.layout.UnsupportedTableException;
import io.kubetel.store.retention.PartitionRetentionManager;
import io.kubetel.store.retention.RetentionManager.RetentionAction;
import io.kubetel.store.schema.ClickHouseSchemaManager;
import io.kubetel.store.schema.TableDiscovery;
import io.kubetel.store.sql.Tables;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.testing.TelemetryStoreContract;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on the tables the current OTel exporter creates (fixture {@code
 * exporter/current.sql}: DateTime metric times, logs without TimestampTime), not on kubetel's own
 * DDL: kubetel reads an existing pipeline by discovering what is there. MODERN engines only (the
 * exporter's tables need Map and DateTime64); hack/test.sh runs it on the chDB engine.
 */
class CurrentExporterTablesIT extends TelemetryStoreContract {
  ClickHouseGateway gateway;
  ClickHouseTelemetryStore clickhouse;

  /** The fixture's statements for {@code database}. */
  static String[] fixture(String database) {
    try (InputStream in =
        CurrentExporterTablesIT.class.getResourceAsStream("/exporter/current.sql")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String sql = text.lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n"));
      return Arrays.stream(sql.replace("${DATABASE}", database).split("\n;\n"))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .toArray(String[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected TelemetryStore seed(TelemetryBatch batch) {
    String db = "kt_exporter_current_" + UUID.randomUUID().toString().substring(0, 8);
    gateway = new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), db));
    assumeTrue(
        new ClickHouseSchemaManager(gateway).layout() == SchemaLayout.MODERN,
        "the exporter's tables need a MODERN ClickHouse");
    gateway.execute("CREATE DATABASE " + db);
    for (String statement : fixture(db)) {
      gateway.execute(statement);
    }
    // What a collector writes: the exporter's columns, written by kubetel's writer for the test.
    new TelemetryWriter(gateway, SchemaLayout.MODERN).write(batch);
    clickhouse = new ClickHouseTelemetryStore(gateway, SchemaLayout.MODERN, Clock.systemUTC());
    return clickhouse;
  }

  @AfterAll
  void drop() {
    if (gateway != null) {
      try {
        gateway.execute("DROP DATABASE IF EXISTS " + gateway.database());
      } finally {
        gateway.close();
      }
    }
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

  @Test
  void retentionSetsTtlsOnTheTablesThereAreAndAddsNone() {
    var actions =
        new PartitionRetentionManager(gateway, SchemaLayout.MODERN)
            .apply(
                gateway.database(),
                Map.of(
                    Signal.METRICS, Duration.ofDays(30),
                    Signal.TRACES, Duration.ofDays(7),
                    Signal.LOGS, Duration.ofDays(3)),
                Instant.now());
    assertThat(actions)
        .extracting(RetentionAction::table)
        .containsExactlyInAnyOrder(
            Tables.GAUGE,
            Tables.SUM,
            Tables.HISTOGRAM,
            Tables.EXPONENTIAL_HISTOGRAM,
            Tables.SUMMARY,
            Tables.TRACES,
            Tables.TRACE_ID_TS,
            Tables.LOGS);
    assertThat(TableDiscovery.describe(gateway, gateway.database()).tables().keySet())
        .as("no stray kubetel-named table")
        .doesNotContain(Tables.EXP_HISTOGRAM);
  }
}
