package io.kubetel.store.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.layout.Tables;
import io.kubetel.store.sql.SqlLiteral;
import io.kubetel.store.testing.LocalClickHouse;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Schema creation and database drops against the local ClickHouse (hack/test.sh runs it on Debian's
 * 18.16, COMPAT, and on the chDB engine, MODERN): the layout detected for the engine, idempotent
 * creation, each layout's columns, validated names.
 */
class SchemaIT {
  @RegisterExtension static final LocalClickHouse ch = LocalClickHouse.perClass("schema");

  private Map<String, String> columns(String table) {
    Map<String, String> cols = new HashMap<>();
    for (JsonNode r :
        ch.gateway()
            .select(
                "SELECT name, type FROM system.columns WHERE database = "
                    + SqlLiteral.string(ch.database())
                    + " AND table = "
                    + SqlLiteral.string(table)
                    + " FORMAT JSONEachRow")) {
      cols.put(r.get("name").asText(), r.get("type").asText());
    }
    return cols;
  }

  @Test
  void serverGetsTheLayoutOfItsEngine() {
    SchemaLayout expected =
        LocalClickHouse.expectedLayout()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "set -D" + LocalClickHouse.ENGINE_PROPERTY + "=debian|modern"));
    assertThat(ch.layout()).isEqualTo(expected);
  }

  @Test
  void ensureSchemaIsIdempotentAndCreatesEveryTable() {
    ClickHouseSchemaManager manager = new ClickHouseSchemaManager(ch.gateway());
    manager.ensureSchema(ch.database());
    manager.ensureSchema(ch.database());

    var tables =
        ch
            .gateway()
            .select(
                "SELECT name FROM system.tables WHERE database = "
                    + SqlLiteral.string(ch.database())
                    + " FORMAT JSONEachRow")
            .stream()
            .map(r -> r.get("name").asText())
            .collect(Collectors.toSet());
    assertThat(tables).containsExactlyInAnyOrderElementsOf(Tables.ALL);
  }

  @Test
  void modernColumnsUseMapsAndTheGenerationsTimeTypes() {
    assumeTrue(ch.layout() == SchemaLayout.MODERN, "MODERN layout only");
    // kubetel's own DDL is the current exporter generation's; the older fixture keeps its own.
    boolean older = LocalClickHouse.fixture().isPresent();
    String attributes = "Map(LowCardinality(String), String)";
    assertThat(columns(Tables.GAUGE))
        .containsEntry("Attributes", attributes)
        .containsEntry("ResourceAttributes", attributes)
        .containsEntry("TimeUnix", older ? "DateTime64(9)" : "DateTime")
        .containsEntry("MetricName", older ? "String" : "LowCardinality(String)")
        .containsEntry("Value", "Float64")
        .containsEntry("Flags", "UInt32");
    assertThat(columns(Tables.SUM)).containsEntry("IsMonotonic", "Bool");
    assertThat(columns(Tables.TRACES))
        .containsEntry("Timestamp", "DateTime64(9)")
        .containsEntry("SpanAttributes", attributes)
        .containsEntry("Events.Attributes", "Array(" + attributes + ")")
        .containsEntry("Duration", "UInt64");
    assertThat(columns(Tables.TRACE_ID_TS))
        .containsEntry("Start", older ? "DateTime" : "SimpleAggregateFunction(min, DateTime)");
    Map<String, String> logs = columns(Tables.LOGS);
    assertThat(logs)
        .containsEntry("Timestamp", "DateTime64(9)")
        .containsEntry("LogAttributes", attributes);
    if (older) {
      assertThat(logs).containsEntry("TimestampTime", "DateTime").doesNotContainKey("EventName");
    } else {
      assertThat(logs)
          .doesNotContainKey("TimestampTime")
          .containsEntry("EventName", "String")
          .containsEntry("__otel_materialized_k8s.namespace.name", "LowCardinality(String)");
    }
  }

  @Test
  void compatColumnsUseNestedAttributesAndNanosecondTimes() {
    assumeTrue(ch.layout() == SchemaLayout.COMPAT, "COMPAT layout only");
    Map<String, String> gauge = columns(Tables.GAUGE);
    assertThat(gauge)
        .containsEntry("Attributes.key", "Array(String)")
        .containsEntry("Attributes.value", "Array(String)")
        .containsEntry("ResourceAttributes.key", "Array(String)")
        .containsEntry("TimeUnix", "UInt64")
        .containsEntry("Value", "Float64")
        .containsEntry("MetricName", "String");
    assertThat(columns(Tables.SUM))
        .containsEntry("AggregationTemporality", "Int32")
        .containsEntry("IsMonotonic", "UInt8");
    assertThat(columns(Tables.HISTOGRAM))
        .containsEntry("BucketCounts", "Array(UInt64)")
        .containsEntry("ExplicitBounds", "Array(Float64)");
    assertThat(columns(Tables.TRACES))
        .containsEntry("Timestamp", "UInt64")
        .containsEntry("SpanAttributes.key", "Array(String)")
        .containsEntry("Events.Timestamp", "Array(UInt64)")
        .containsEntry("Events.AttributesKeys", "Array(Array(String))")
        .containsEntry("Links.TraceId", "Array(String)")
        .containsEntry("Duration", "UInt64");
    assertThat(columns(Tables.TRACE_ID_TS)).containsEntry("Start", "UInt64");
    assertThat(columns(Tables.LOGS))
        .containsEntry("LogAttributes.key", "Array(String)")
        .containsEntry("SeverityNumber", "UInt8")
        .containsEntry("Timestamp", "UInt64");
  }

  private boolean databaseExists(String database) {
    return !ch.gateway()
        .select(
            "SELECT name FROM system.databases WHERE name = "
                + SqlLiteral.string(database)
                + " FORMAT JSONEachRow")
        .isEmpty();
  }

  @Test
  void dropDatabaseRemovesItAndIsIdempotent() {
    ClickHouseSchemaManager manager = new ClickHouseSchemaManager(ch.gateway());
    String victim = ch.database() + "_drop";
    manager.ensureSchema(victim);
    assertThat(databaseExists(victim)).isTrue();

    assertThat(manager.databaseExists(victim)).isTrue();

    manager.dropDatabase(victim);
    assertThat(databaseExists(victim)).as("dropped database is gone").isFalse();
    assertThat(manager.databaseExists(victim)).isFalse();
    // Dropping it again (or any database that does not exist) is fine and changes nothing.
    manager.dropDatabase(victim);
    assertThat(databaseExists(victim)).isFalse();
    assertThat(databaseExists(ch.database())).as("other databases are untouched").isTrue();
  }

  @Test
  void dropDatabaseRejectsAnInvalidNameBeforeAnySql() {
    ClickHouseSchemaManager manager = new ClickHouseSchemaManager(ch.gateway());
    manager.ensureSchema(ch.database());
    String injection = ch.database() + "; DROP DATABASE " + ch.database();
    assertThatThrownBy(() -> manager.dropDatabase(injection))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid database name");
    assertThatThrownBy(() -> manager.dropDatabase(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(databaseExists(ch.database())).isTrue();

    // Against a server that is down the same call still fails on the name, not on the
    // connection: the name is checked before anything is sent.
    try (ClickHouseGateway down =
        new ClickHouseGateway(ClickHouseSettings.of("http://127.0.0.1:1", "default"))) {
      ClickHouseSchemaManager offline = new ClickHouseSchemaManager(down, SchemaLayout.COMPAT);
      assertThatThrownBy(() -> offline.dropDatabase("bad-name"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("invalid database name 'bad-name'");
      assertThatThrownBy(() -> offline.dropDatabase("valid_name"))
          .as("a valid name does reach the (unreachable) server")
          .isNotInstanceOf(IllegalArgumentException.class);
    }
  }
}
