package io.kubetel.store.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.store.clickhouse.ClickHouseQueryException;
import io.kubetel.store.clickhouse.ReadContext;
import io.kubetel.store.sql.Tables;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the store reads the exporter's metric tables: which {@link Tables} entry holds each {@link
 * MetricType} (the physical name is the read context's to resolve, per database), the condition
 * that leaves out points flagged "no recorded value", and reading a table that may not exist.
 */
public final class MetricTables {
  /**
   * Bit 1 of the exporter's {@code Flags} column: the point is a staleness marker (the source
   * stopped reporting the series), not a measurement.
   */
  public static final int NO_RECORDED_VALUE = 1;

  /** The condition every metric read carries: the point has a recorded value. */
  public static final String RECORDED = "bitAnd(Flags, " + NO_RECORDED_VALUE + ") = 0";

  /** ClickHouse's UNKNOWN_TABLE. */
  static final int UNKNOWN_TABLE = 60;

  private static final Logger log = LoggerFactory.getLogger(MetricTables.class);
  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

  private MetricTables() {}

  /** The table holding a type's points. */
  public static String of(MetricType type) {
    return switch (type) {
      case GAUGE -> Tables.GAUGE;
      case SUM -> Tables.SUM;
      case HISTOGRAM -> Tables.HISTOGRAM;
      case EXPONENTIAL_HISTOGRAM -> Tables.EXP_HISTOGRAM;
      case SUMMARY -> Tables.SUMMARY;
    };
  }

  /**
   * Runs a select on one metric table; a table that does not exist holds no points. Every metric
   * read spans all five tables, and a database need not have all of them (an exporter that names
   * one differently, tables not created yet): one missing table must not fail the others' reads.
   */
  public static List<JsonNode> select(ReadContext ctx, MetricType type, String sql) {
    try {
      return ctx.gateway().select(sql);
    } catch (ClickHouseQueryException e) {
      if (e.code() != UNKNOWN_TABLE) {
        throw e;
      }
      String table = ctx.table(of(type));
      if (REPORTED.add(table)) {
        log.info("event=metric_table_missing table={} type={} reading=no_points", table, type);
      }
      return List.of();
    }
  }
}
