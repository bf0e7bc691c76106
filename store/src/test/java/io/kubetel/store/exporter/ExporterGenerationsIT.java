package io.kubetel.store.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.query.Signal;
import io.kubetel.model.store.StoreSchemaException;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.clickhouse.Rows;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.layout.TableNames;
import io.kubetel.store.layout.TableShapes;
import io.kubetel.store.layout.Tables;
import io.kubetel.store.retention.PartitionRetentionManager;
import io.kubetel.store.schema.ClickHouseSchemaManager;
import io.kubetel.store.schema.DatabaseTables;
import io.kubetel.store.schema.TableDiscovery;
import io.kubetel.store.testing.ExporterFixture;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.testing.MutableClock;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What kubetel makes of tables other writers created, on a modern ClickHouse: both exporter
 * generations are discovered as they are, a database an older kubetel created gets no stray table,
 * tables created later are found, mapped table names are used everywhere, JSON-typed attributes are
 * refused by name, and retention sets TTLs on the tables there are. (The whole store contract runs
 * on every generation through hack/test.sh's passes; this class covers what differs between them.)
 */
class ExporterGenerationsIT {
  static final Instant NOW = Instant.now();
  static final Map<String, String> SHOP = Map.of("k8s.namespace.name", "shop");
  static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

  final List<ClickHouseGateway> gateways = new ArrayList<>();

  @BeforeEach
  void modernOnly() {
    try (ClickHouseGateway g =
        new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"))) {
      assumeTrue(
          new ClickHouseSchemaManager(g).layout() == SchemaLayout.MODERN,
          "exporter tables need a modern ClickHouse (Map, DateTime64)");
    }
  }

  @AfterEach
  void drop() {
    for (ClickHouseGateway g : gateways) {
      try {
        g.execute("DROP DATABASE IF EXISTS " + g.database());
      } finally {
        g.close();
      }
    }
  }

  /** A gateway on a fresh, not yet created database. */
  ClickHouseGateway database(String label, TableNames names) {
    String db = "kt_gen_" + label + "_" + UUID.randomUUID().toString().substring(0, 8);
    ClickHouseGateway g =
        new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), db).withTables(names));
    gateways.add(g);
    return g;
  }

  static TelemetryBatch batch(String eventName) {
    TelemetryBatch b = new TelemetryBatch();
    Instant t = NOW.minusSeconds(60);
    b.gauges.add(
        new TelemetryBatch.Gauge(SHOP, "checkout", "cpu", "1", "cpu use", Map.of(), t, 0.5));
    b.logs.add(
        new TelemetryBatch.Log(
            SHOP, "checkout", t, "", "", "INFO", 9, "order placed", Map.of(), eventName));
    b.spans.add(
        new TelemetryBatch.Span(
            SHOP,
            "checkout",
            TRACE,
            "b7ad6b7169203331",
            "",
            "POST /orders",
            "Server",
            t,
            1_000_000,
            "Ok",
            "",
            Map.of(),
            List.of()));
    return b;
  }

  static ListRequest recent() {
    return new ListRequest(
        Optional.of("shop"),
        new TimeWindow(NOW.minusSeconds(600), NOW.plusSeconds(60)),
        List.of(),
        Optional.empty(),
        100,
        false);
  }

  /** A store over its own client on {@code g}'s database (closing it leaves {@code g} open). */
  static ClickHouseTelemetryStore store(ClickHouseGateway g, Clock clock) {
    return new ClickHouseTelemetryStore(
        new ClickHouseGateway(g.settings()), SchemaLayout.MODERN, clock);
  }

  /** Table name to its engine description (TTL included), as the server reports it. */
  static Map<String, String> tables(ClickHouseGateway g) {
    Map<String, String> out = new TreeMap<>();
    g.select(
            "SELECT name, engine_full FROM system.tables WHERE database = '"
                + g.database()
                + "' FORMAT JSONEachRow")
        .forEach(r -> out.put(Rows.text(r, "name"), Rows.text(r, "engine_full")));
    return out;
  }

  @Test
  void theCurrentGenerationIsKubetelsOwnDdl() {
    ClickHouseGateway g = database("current", TableNames.DEFAULTS);
    new ClickHouseSchemaManager(g).ensureSchema(g.database());
    TableShapes shapes = TableDiscovery.discover(g, g.database());
    assertThat(shapes.type(Tables.GAUGE, "TimeUnix")).contains("DateTime");
    assertThat(shapes.type(Tables.GAUGE, "MetricName")).contains("LowCardinality(String)");
    assertThat(shapes.isSeconds("TimeUnix")).isTrue();
    assertThat(shapes.logsHaveTimestampTime()).isFalse();
    assertThat(shapes.hasColumn(Tables.LOGS, "EventName")).isTrue();
    assertThat(shapes.name(Tables.EXP_HISTOGRAM)).isEqualTo("otel_metrics_exponential_histogram");
    assertThat(shapes.materializedColumns(Tables.LOGS))
        .hasSize(8)
        .contains("__otel_materialized_k8s.namespace.name", "__otel_materialized_k8s.pod.name");
    assertThat(tables(g).get(Tables.TRACE_ID_TS)).startsWith("AggregatingMergeTree");
    assertThat(tables(g)).doesNotContainKey(Tables.LEGACY_EXP_HISTOGRAM);
  }

  @Test
  void theOlderGenerationIsReadAsItIs() {
    ClickHouseGateway g = database("older", TableNames.DEFAULTS);
    ExporterFixture.EXPORTER_OLDER.create(g, g.database());
    TableShapes shapes = TableDiscovery.discover(g, g.database());
    assertThat(shapes.type(Tables.GAUGE, "TimeUnix")).contains("DateTime64(9)");
    assertThat(shapes.isSeconds("TimeUnix")).isFalse();
    assertThat(shapes.logsHaveTimestampTime()).isTrue();
    assertThat(shapes.materializedColumns(Tables.LOGS)).isEmpty();
    new TelemetryWriter(g, SchemaLayout.MODERN).write(batch("checkout.completed"));
    try (var store = store(g, Clock.systemUTC())) {
      List<LogEntry> logs = store.listLogs(recent()).items();
      assertThat(logs).extracting(LogEntry::body).containsExactly("order placed");
      assertThat(logs.get(0).eventName()).as("the older table has no EventName").isEmpty();
      assertThat(store.listSeries(recent()).items()).hasSize(1);
      assertThat(store.listTraces(recent()).items()).hasSize(1);
    }
  }

  @Test
  void newestLogsCarryTheirEventName() {
    ClickHouseGateway g = database("event", TableNames.DEFAULTS);
    new ClickHouseSchemaManager(g).ensureSchema(g.database());
    new TelemetryWriter(g, SchemaLayout.MODERN).write(batch("checkout.completed"));
    try (var store = store(g, Clock.systemUTC())) {
      assertThat(store.listLogs(recent()).items())
          .extracting(LogEntry::eventName)
          .containsExactly("checkout.completed");
    }
  }

  @Test
  void aDatabaseAnOlderKubetelOrExporterCreatedGetsNoStrayTable() {
    for (ExporterFixture fixture : ExporterFixture.values()) {
      ClickHouseGateway g = database(fixture.name().toLowerCase(Locale.ROOT), TableNames.DEFAULTS);
      fixture.create(g, g.database());
      Set<String> before = tables(g).keySet();
      new ClickHouseSchemaManager(g).ensureSchema(g.database());
      assertThat(tables(g).keySet()).as(fixture.id()).isEqualTo(before);
      assertThat(TableDiscovery.describe(g, g.database()).name(Tables.EXP_HISTOGRAM))
          .as(fixture.id())
          .isEqualTo(
              fixture == ExporterFixture.KUBETEL_LEGACY
                  ? Tables.LEGACY_EXP_HISTOGRAM
                  : Tables.EXP_HISTOGRAM);
    }
  }

  @Test
  void retentionSetsTtlsOnTheTablesThereAreUnderTheirNames() {
    for (ExporterFixture fixture : ExporterFixture.values()) {
      ClickHouseGateway g = database("ttl", TableNames.DEFAULTS);
      fixture.create(g, g.database());
      var actions =
          new PartitionRetentionManager(g, SchemaLayout.MODERN)
              .apply(
                  g.database(),
                  Map.of(
                      Signal.METRICS, Duration.ofDays(30),
                      Signal.TRACES, Duration.ofDays(7),
                      Signal.LOGS, Duration.ofDays(3)),
                  NOW);
      assertThat(actions).as(fixture.id()).hasSize(8);
      Map<String, String> engines = tables(g);
      engines.remove(Tables.TRACE_ID_TS_MV);
      assertThat(engines).as(fixture.id()).hasSize(8);
      engines.forEach((table, engine) -> assertThat(engine).as(table).contains("TTL"));
    }
  }

  @Test
  void tablesCreatedLaterAreFoundAndAMissingTableIsNamed() {
    ClickHouseGateway g = database("later", TableNames.DEFAULTS);
    g.execute("CREATE DATABASE " + g.database());
    MutableClock clock = new MutableClock(Instant.now());
    try (var store = store(g, clock)) {
      assertThatThrownBy(() -> store.listLogs(recent()))
          .isInstanceOf(StoreSchemaException.class)
          .hasFieldOrPropertyWithValue("problem", StoreSchemaException.Problem.MISSING_TABLE)
          .hasMessageContaining("telemetry table " + g.database() + ".otel_logs does not exist");
      // The exporter starts: its tables appear and receive data.
      new ClickHouseSchemaManager(g).ensureSchema(g.database());
      new TelemetryWriter(g, SchemaLayout.MODERN).write(batch(""));
      clock.advance(DatabaseTables.REDISCOVER_AFTER.plusSeconds(1));
      assertThat(store.listLogs(recent()).items()).hasSize(1);
      assertThat(store.listSeries(recent()).items()).hasSize(1);
    }
  }

  @Test
  void mappedTableNamesAreCreatedWrittenAndRead() {
    TableNames names = TableNames.parse("logs=app_logs,traces=app_spans,gauge=app_gauge");
    ClickHouseGateway g = database("mapped", names);
    new ClickHouseSchemaManager(g).ensureSchema(g.database());
    assertThat(tables(g))
        .containsKeys("app_logs", "app_spans", "app_spans_trace_id_ts", "app_gauge")
        .doesNotContainKeys(Tables.LOGS, Tables.TRACES, Tables.TRACE_ID_TS, Tables.GAUGE);
    new TelemetryWriter(g, SchemaLayout.MODERN).write(batch(""));
    try (var store = store(g, Clock.systemUTC())) {
      assertThat(store.listLogs(recent()).items()).hasSize(1);
      assertThat(store.listSeries(recent()).items()).hasSize(1);
      assertThat(store.getTrace("shop", TRACE, recent().window()))
          .as("found through the renamed trace-id index")
          .isPresent();
    }
  }

  @Test
  void jsonAttributeTablesAreRefusedNamingTableAndColumn() {
    ClickHouseGateway g = database("json", TableNames.DEFAULTS);
    g.execute("CREATE DATABASE " + g.database());
    // The exporter's JSON-typed variant (an option of newer exporters): attributes as JSON.
    g.execute(
        "CREATE TABLE "
            + g.database()
            + ".otel_logs (Timestamp DateTime64(9), ResourceAttributes JSON,"
            + " LogAttributes JSON, Body String) ENGINE = MergeTree ORDER BY Timestamp");
    try (var store = store(g, Clock.systemUTC())) {
      assertThatThrownBy(() -> store.listLogs(recent()))
          .isInstanceOf(StoreSchemaException.class)
          .hasFieldOrPropertyWithValue("problem", StoreSchemaException.Problem.UNSUPPORTED_COLUMN)
          .hasMessageContaining("otel_logs.LogAttributes is JSON")
          .hasMessageContaining("otel_logs.ResourceAttributes is JSON");
    }
  }
}
