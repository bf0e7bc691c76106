package io.kubetel.store.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubetel.model.query.Signal;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.layout.Tables;
import io.kubetel.store.retention.RetentionManager.RetentionAction;
import io.kubetel.store.sql.SqlLiteral;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retention on the layout it belongs to, with rows dated days ago: partition drops on COMPAT (18.16
 * has no TTL), table TTLs that ClickHouse enforces on MODERN. hack/test.sh runs this class on both
 * engines, so each test runs once.
 */
class RetentionIT {
  @RegisterExtension static final LocalClickHouse ch = LocalClickHouse.perClass("retention");
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  private static TelemetryBatch.Log log(Instant t) {
    return new TelemetryBatch.Log(
        Map.of("k8s.namespace.name", "shop"), "svc", t, "", "", "INFO", 9, "x", Map.of());
  }

  private static TelemetryBatch.Gauge gauge(Instant t) {
    return new TelemetryBatch.Gauge(Map.of(), "svc", "m", "", "", Map.of(), t, 1);
  }

  private List<String> partitions(String table) {
    return ch
        .gateway()
        .select(
            "SELECT DISTINCT partition_id AS p FROM system.parts WHERE database = "
                + SqlLiteral.string(ch.database())
                + " AND table = "
                + SqlLiteral.string(table)
                + " AND active ORDER BY p FORMAT JSONEachRow")
        .stream()
        .map(r -> r.get("p").asText())
        .collect(Collectors.toList());
  }

  private long count(String table) {
    return ch.gateway()
        .select("SELECT count() AS n FROM " + ch.database() + "." + table + " FORMAT JSONEachRow")
        .get(0)
        .get("n")
        .asLong();
  }

  @Test
  void modernSetsTtlsUnderWhichClickHouseDeletesOnlyExpiredDays() {
    assumeTrue(ch.layout() == SchemaLayout.MODERN, "TTL retention is the MODERN layout's");
    Instant now = Instant.now();
    TelemetryBatch b = new TelemetryBatch();
    for (Instant t : List.of(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(3)), now)) {
      b.logs.add(log(t));
      b.gauges.add(gauge(t));
    }
    new TelemetryWriter(ch.gateway(), ch.layout()).write(b);

    RetentionManager manager = new PartitionRetentionManager(ch.gateway(), ch.layout());
    List<RetentionAction> actions =
        manager.apply(ch.database(), Map.of(Signal.LOGS, Duration.ofDays(2)), now);

    assertThat(actions)
        .containsExactly(
            new RetentionAction(
                Tables.LOGS, "ttl", "toDateTime(Timestamp) + toIntervalSecond(172800)"));
    assertThat(createStatement(Tables.LOGS))
        .contains("TTL toDateTime(Timestamp) + toIntervalSecond(172800)");
    assertThat(createStatement(Tables.GAUGE)).as("no retention asked for").doesNotContain("TTL");
    // The tables say ttl_only_drop_parts = 1 (as the exporter's do): whole expired parts go when
    // ClickHouse merges; force the merge instead of waiting for a background one.
    ch.gateway().execute("OPTIMIZE TABLE " + ch.database() + "." + Tables.LOGS + " FINAL");
    assertThat(count(Tables.LOGS)).as("only today's log is inside two days").isEqualTo(1);
    assertThat(count(Tables.GAUGE)).isEqualTo(3);

    // Setting it again is harmless and changes nothing.
    assertThat(manager.apply(ch.database(), Map.of(Signal.LOGS, Duration.ofDays(2)), now))
        .isEqualTo(actions);
    assertThat(count(Tables.LOGS)).isEqualTo(1);
  }

  private String createStatement(String table) {
    return ch.gateway()
        .select(
            "SELECT create_table_query AS q FROM system.tables WHERE database = "
                + SqlLiteral.string(ch.database())
                + " AND name = "
                + SqlLiteral.string(table)
                + " FORMAT JSONEachRow")
        .get(0)
        .get("q")
        .asText();
  }

  @Test
  void compatDropsOnlyWholeDaysOlderThanRetention() {
    assumeTrue(ch.layout() == SchemaLayout.COMPAT, "partition drops are the COMPAT layout's");
    TelemetryBatch b = new TelemetryBatch();
    // 10 days ago, 3 days ago (23:59), 2 days ago (late enough to be inside a 2d12h retention),
    // today.
    for (Instant t :
        List.of(
            NOW.minus(Duration.ofDays(10)),
            LocalDate.parse("2026-11-17").atTime(23, 59).toInstant(ZoneOffset.UTC),
            LocalDate.parse("2026-11-18").atTime(1, 0).toInstant(ZoneOffset.UTC),
            NOW)) {
      b.logs.add(log(t));
      b.gauges.add(gauge(t));
    }
    new TelemetryWriter(ch.gateway(), ch.layout()).write(b);
    assertThat(partitions(Tables.LOGS))
        .containsExactly("20261110", "20261117", "20261118", "20261120");

    RetentionManager manager = new PartitionRetentionManager(ch.gateway(), ch.layout());
    // Cutoff 2026-11-18T00:00: the 17th ends exactly at the cutoff, the 18th holds a row at 01:00.
    List<RetentionAction> actions =
        manager.apply(ch.database(), Map.of(Signal.LOGS, Duration.ofDays(2).plusHours(12)), NOW);

    assertThat(actions)
        .extracting(RetentionAction::detail)
        .containsExactly("2026-11-10", "2026-11-17");
    assertThat(actions).extracting(RetentionAction::table).containsOnly(Tables.LOGS);
    assertThat(partitions(Tables.LOGS)).containsExactly("20261118", "20261120");
    assertThat(count(Tables.LOGS)).isEqualTo(2);
    // Metrics had no retention requested: untouched.
    assertThat(count(Tables.GAUGE)).isEqualTo(4);

    // Idempotent: nothing more to drop.
    assertThat(
            manager.apply(
                ch.database(), Map.of(Signal.LOGS, Duration.ofDays(2).plusHours(12)), NOW))
        .isEmpty();

    // A cutoff inside a day never drops that day (the 18th's row is after 2026-11-18T00:30).
    List<RetentionAction> metrics =
        manager.apply(
            ch.database(), Map.of(Signal.METRICS, Duration.ofHours(60).minusMinutes(30)), NOW);
    assertThat(metrics)
        .extracting(RetentionAction::detail)
        .containsExactly("2026-11-10", "2026-11-17");
    assertThat(partitions(Tables.GAUGE)).containsExactly("20261118", "20261120");
  }
}
