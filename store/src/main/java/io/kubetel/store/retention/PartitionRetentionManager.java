package io.kubetel.store.retention;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.query.Signal;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.Rows;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.layout.TableShapes;
import io.kubetel.store.layout.Tables;
import io.kubetel.store.schema.TableDiscovery;
import io.kubetel.store.sql.Dialect;
import io.kubetel.store.sql.Identifiers;
import io.kubetel.store.sql.Select;
import io.kubetel.store.sql.SqlLiteral;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention per signal. MODERN (TTL-capable servers): {@code ALTER TABLE ... MODIFY TTL}. COMPAT:
 * drops whole daily partitions whose entire UTC day ends at or before {@code now - retention},
 * after checking that the partition holds no row inside the retention (so a partition is never
 * dropped while it still has data users may read).
 */
public final class PartitionRetentionManager implements RetentionManager {
  private static final Logger log = LoggerFactory.getLogger(PartitionRetentionManager.class);
  private static final DateTimeFormatter PARTITION_ID = DateTimeFormatter.BASIC_ISO_DATE;

  private final ClickHouseGateway gateway;
  private final Supplier<SchemaLayout> layout;

  public PartitionRetentionManager(ClickHouseGateway gateway, SchemaLayout layout) {
    this(gateway, () -> layout);
  }

  /**
   * A manager whose layout is asked for on each {@link #apply}, e.g. a shared {@link
   * io.kubetel.store.schema.LayoutDetection}, so it can be built while ClickHouse is down.
   */
  public PartitionRetentionManager(ClickHouseGateway gateway, Supplier<SchemaLayout> layout) {
    this.gateway = gateway;
    this.layout = layout;
  }

  /** The table roles of a signal with their time column. */
  static Map<String, String> tables(Signal signal) {
    return switch (signal) {
      case METRICS ->
          Map.of(
              Tables.GAUGE, "TimeUnix",
              Tables.SUM, "TimeUnix",
              Tables.HISTOGRAM, "TimeUnix",
              Tables.EXP_HISTOGRAM, "TimeUnix",
              Tables.SUMMARY, "TimeUnix");
      case TRACES -> Map.of(Tables.TRACES, "Timestamp", Tables.TRACE_ID_TS, "Start");
      case LOGS -> Map.of(Tables.LOGS, "Timestamp");
    };
  }

  @Override
  public List<RetentionAction> apply(
      String database, Map<Signal, Duration> retention, Instant now) {
    Identifiers.database(database);
    SchemaLayout layout = this.layout.get();
    List<RetentionAction> actions = new ArrayList<>();
    TableShapes existing = null;
    for (var e : retention.entrySet()) {
      Duration keep = e.getValue();
      if (keep == null || keep.isNegative() || keep.isZero()) {
        throw new IllegalArgumentException(
            "retention for " + e.getKey() + " must be positive, got " + keep);
      }
      if (existing == null) {
        // Which tables exist and under which names (exporter generations and table-name mappings
        // differ): act on the tables that are there, never fail on one that is not.
        existing = TableDiscovery.describe(gateway, database);
      }
      for (var t : new java.util.TreeMap<>(tables(e.getKey())).entrySet()) {
        if (!existing.has(t.getKey())) {
          continue;
        }
        String table = existing.name(t.getKey());
        boolean index = t.getKey().equals(Tables.TRACE_ID_TS);
        actions.addAll(
            layout == SchemaLayout.MODERN
                ? List.of(ttl(database, table, index, t.getValue(), keep))
                : dropOld(database, table, t.getValue(), now.minus(keep)));
      }
    }
    return actions;
  }

  private RetentionAction ttl(
      String db, String table, boolean traceIndex, String timeColumn, Duration keep) {
    String expr =
        (traceIndex ? timeColumn : "toDateTime(" + timeColumn + ")")
            + " + toIntervalSecond("
            + keep.toSeconds()
            + ")";
    gateway.execute("ALTER TABLE " + Identifiers.table(db, table) + " MODIFY TTL " + expr);
    log.info(
        "event=retention_ttl_set database={} table={} seconds={}", db, table, keep.toSeconds());
    return new RetentionAction(table, "ttl", expr);
  }

  private List<RetentionAction> dropOld(
      String db, String table, String timeColumn, Instant cutoff) {
    List<RetentionAction> actions = new ArrayList<>();
    String sql =
        Select.select("DISTINCT partition_id AS p")
            .from("system.parts")
            .where("database = " + SqlLiteral.string(db))
            .where("table = " + SqlLiteral.string(table))
            .where("active")
            .orderBy("p")
            .toSql();
    TreeSet<LocalDate> days = new TreeSet<>();
    for (JsonNode row : gateway.select(sql)) {
      try {
        days.add(LocalDate.parse(Rows.text(row, "p"), PARTITION_ID));
      } catch (DateTimeParseException ex) {
        log.warn(
            "event=retention_unknown_partition database={} table={} partition={}",
            db,
            table,
            Rows.text(row, "p"));
      }
    }
    Dialect d = Dialect.of(SchemaLayout.COMPAT);
    for (LocalDate day : days) {
      Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      if (dayEnd.isAfter(cutoff)) {
        continue;
      }
      // Belt and braces: the day's rows must all be older than the cutoff.
      String newest =
          Select.select("count() AS n")
              .from(Identifiers.table(db, table))
              .where(d.timeAtLeast(timeColumn, cutoff))
              .where(
                  "toDate(toDateTime(intDiv("
                      + timeColumn
                      + ", 1000000000), 'UTC')) = "
                      + SqlLiteral.string(day.toString()))
              .toSql();
      if (Rows.longValue(gateway.select(newest).get(0), "n") > 0) {
        continue;
      }
      String literal = SqlLiteral.string(day.toString());
      gateway.execute("ALTER TABLE " + Identifiers.table(db, table) + " DROP PARTITION " + literal);
      log.info("event=retention_partition_dropped database={} table={} day={}", db, table, day);
      actions.add(new RetentionAction(table, "drop-partition", day.toString()));
    }
    return actions;
  }
}
