package io.kubetel.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.model.store.StoreSchemaException;
import io.kubetel.store.clickhouse.ReadContext;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.layout.TableNames;
import io.kubetel.store.layout.TableShapes;
import io.kubetel.store.layout.TableShapes.Column;
import io.kubetel.store.layout.Tables;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SQL generated from discovered table shapes never uses what the discovered exporter generation
 * lacks: no {@code TimestampTime} for the newest logs table, no {@code DateTime64}-only function on
 * a {@code DateTime} metric time; JSON-typed attributes are refused by name. Each check is first
 * shown to catch the older generation, so it cannot pass vacuously.
 */
class ExporterGenerationSqlTest {
  static final String ATTRS = "Map(LowCardinality(String), String)";

  /**
   * The current exporter (about v0.160 on; logs as of 2026): DateTime metrics, no TimestampTime.
   */
  static final TableShapes CURRENT =
      shapes(
          Map.of(
              Tables.GAUGE,
              Map.of(
                  "TimeUnix", col("DateTime"),
                  "StartTimeUnix", col("DateTime"),
                  "Attributes", col(ATTRS)),
              Tables.SUM,
              Map.of("TimeUnix", col("DateTime"), "Attributes", col(ATTRS)),
              Tables.LOGS,
              Map.of(
                  "Timestamp", col("DateTime64(9)"),
                  "LogAttributes", col(ATTRS),
                  "EventName", col("String"),
                  "__otel_materialized_k8s.namespace.name",
                      new Column("LowCardinality(String)", "MATERIALIZED"))));

  /** An older exporter generation: DateTime64(9) metric times, logs keyed by TimestampTime. */
  static final TableShapes OLDER =
      shapes(
          Map.of(
              Tables.GAUGE,
              Map.of("TimeUnix", col("DateTime64(9)"), "Attributes", col(ATTRS)),
              Tables.LOGS,
              Map.of(
                  "Timestamp",
                  col("DateTime64(9)"),
                  "TimestampTime",
                  new Column("DateTime", "DEFAULT"))));

  static Column col(String type) {
    return new Column(type, "");
  }

  /** Discovered shapes with every table present: the given columns, none for the others. */
  static TableShapes shapes(Map<String, Map<String, Column>> columns) {
    return shapes(TableNames.DEFAULTS, columns);
  }

  static TableShapes shapes(TableNames names, Map<String, Map<String, Column>> columns) {
    Map<String, TableShapes.Table> tables = new HashMap<>();
    for (String role : Tables.ALL) {
      tables.put(
          role, new TableShapes.Table(names.name(role), columns.getOrDefault(role, Map.of())));
    }
    return TableShapes.discovered(names, tables);
  }

  static Map<String, String> sql(TableShapes shapes) {
    return GoldenSqlTest.cases(
        new ReadContext(null, Dialect.of(SchemaLayout.MODERN, shapes), "otel"));
  }

  @Test
  void newestLogsSqlNeverNamesTimestampTime() {
    assertThat(sql(OLDER)).as("the check sees it where it is").containsKey("logs-list");
    assertThat(sql(OLDER).get("logs-list")).contains("TimestampTime");

    Map<String, String> current = sql(CURRENT);
    assertThat(current.keySet()).filteredOn(k -> k.startsWith("logs-")).hasSize(2);
    assertThat(current.keySet()).contains("query-logs-count", "query-logs-rate");
    current.forEach((name, sql) -> assertThat(sql).as(name).doesNotContain("TimestampTime"));
  }

  @Test
  void metricSqlOnDateTimeNeverUsesDateTime64OnlyFunctions() {
    assertThat(sql(OLDER).get("metrics-list-gauge")).contains("toUnixTimestamp64Nano(TimeUnix)");

    Map<String, String> current = sql(CURRENT);
    assertThat(current.keySet()).filteredOn(k -> k.startsWith("metrics-")).isNotEmpty();
    current.forEach(
        (name, sql) ->
            assertThat(sql)
                .as(name)
                .doesNotContain("toUnixTimestamp64Nano(TimeUnix)")
                .doesNotContain("toUnixTimestamp64Nano(StartTimeUnix)"));
    // Trace times stay DateTime64(9) in every generation: those still read nanoseconds.
    assertThat(current.get("traces-spans")).contains("toUnixTimestamp64Nano");
  }

  @Test
  void jsonAttributesAreRefusedNamingTableAndColumn() {
    TableShapes json =
        shapes(
            Map.of(
                Tables.LOGS,
                    Map.of("LogAttributes", col("JSON"), "ResourceAttributes", col("JSON")),
                Tables.GAUGE, Map.of("Attributes", col(ATTRS))));
    assertThatThrownBy(json::requireReadable)
        .isInstanceOf(StoreSchemaException.class)
        .hasFieldOrPropertyWithValue("problem", StoreSchemaException.Problem.UNSUPPORTED_COLUMN)
        .hasMessageContaining("otel_logs.LogAttributes is JSON")
        .hasMessageContaining("otel_logs.ResourceAttributes is JSON")
        .hasMessageNotContaining("otel_metrics_gauge");
    assertThat(CURRENT.requireReadable()).isSameAs(CURRENT);
  }

  @Test
  void materializedK8sColumnsAreDescribed() {
    assertThat(CURRENT.materializedColumns(Tables.LOGS))
        .containsExactly("__otel_materialized_k8s.namespace.name");
    assertThat(OLDER.materializedColumns(Tables.LOGS)).isEmpty();
    assertThat(CURRENT.isSeconds("TimeUnix")).isTrue();
    assertThat(OLDER.isSeconds("TimeUnix")).isFalse();
    assertThat(CURRENT.logsHaveTimestampTime()).isFalse();
    assertThat(TableShapes.NONE.logsHaveTimestampTime())
        .as("kubetel's own DDL is the current generation")
        .isFalse();
  }

  @Test
  void newestLogsFilterNamespacesOnTheMaterializedColumnAndReadEventName() {
    String older = sql(OLDER).get("logs-list");
    assertThat(older)
        .contains("ResourceAttributes['k8s.namespace.name'] = 'shop'")
        .contains("'' AS l_event")
        .doesNotContain("__otel_materialized");
    String current = sql(CURRENT).get("logs-list");
    assertThat(current)
        .contains("`__otel_materialized_k8s.namespace.name` = 'shop'")
        .contains("EventName AS l_event")
        .doesNotContain("ResourceAttributes['k8s.namespace.name'] = 'shop'");
    // Only materialized columns are used: the pod has none here, so it stays a map lookup.
    assertThat(current).contains("ResourceAttributes['k8s.pod.name'] AS l_pod");
  }

  @Test
  void mappedTableNamesReachEveryStatement() {
    TableNames names = TableNames.parse("logs=app_logs,traces=app_spans,gauge=app_gauge");
    Map<String, String> sql = sql(shapes(names, Map.of()));
    assertThat(sql.get("logs-list")).contains("FROM otel.app_logs").doesNotContain("otel_logs");
    assertThat(sql.get("traces-spans")).contains("otel.app_spans");
    assertThat(sql.get("traces-locate")).contains("otel.app_spans_trace_id_ts");
    assertThat(sql.get("metrics-list-gauge")).contains("otel.app_gauge");
    assertThat(String.join("\n", sql.values())).doesNotContain("otel_logs", "otel_traces");
  }

  @Test
  void aMissingTableIsNamedNotQueried() {
    Map<String, TableShapes.Table> onlyTraces =
        Map.of(Tables.TRACES, new TableShapes.Table(Tables.TRACES, Map.of()));
    ReadContext ctx =
        new ReadContext(
            null,
            Dialect.of(
                SchemaLayout.MODERN, TableShapes.discovered(TableNames.DEFAULTS, onlyTraces)),
            "shop_db");
    assertThatThrownBy(() -> ctx.table(Tables.LOGS))
        .isInstanceOf(StoreSchemaException.class)
        .hasFieldOrPropertyWithValue("problem", StoreSchemaException.Problem.MISSING_TABLE)
        .hasMessageContaining("telemetry table shop_db.otel_logs does not exist");
    assertThatThrownBy(() -> ctx.present(Tables.METRICS))
        .hasMessageContaining("shop_db.otel_metrics_gauge does not exist");
    assertThat(ctx.table(Tables.TRACES)).isEqualTo("shop_db.otel_traces");
  }
}
