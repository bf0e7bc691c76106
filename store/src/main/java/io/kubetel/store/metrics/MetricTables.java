package io.kubetel.store.metrics;

import io.kubetel.model.metrics.MetricType;
import io.kubetel.store.clickhouse.ReadContext;
import io.kubetel.store.layout.Tables;
import java.util.Arrays;
import java.util.List;

/**
 * How the store reads the exporter's metric tables: which {@link Tables} role holds each {@link
 * MetricType} (the physical name is the read context's to resolve, per database), which of them a
 * database has, and the condition that leaves out points flagged "no recorded value".
 */
public final class MetricTables {
  /**
   * Bit 1 of the exporter's {@code Flags} column: the point is a staleness marker (the source
   * stopped reporting the series), not a measurement.
   */
  public static final int NO_RECORDED_VALUE = 1;

  /** The condition every metric read carries: the point has a recorded value. */
  public static final String RECORDED = "bitAnd(Flags, " + NO_RECORDED_VALUE + ") = 0";

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
   * The types whose tables the database has, in declaration order: every metric read spans all five
   * tables, and a database need not have all of them (an exporter with other table names not
   * mapped, tables not created yet), so a missing one holds no points and is never queried.
   *
   * @throws io.kubetel.model.store.StoreSchemaException naming the gauge table when the database
   *     has no metric table at all
   */
  public static List<MetricType> present(ReadContext ctx) {
    List<String> there = ctx.present(Tables.METRICS);
    return Arrays.stream(MetricType.values()).filter(t -> there.contains(of(t))).toList();
  }
}
