package io.kubetel.store.query;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.ResolvedQuery;
import io.kubetel.model.query.Signal;
import io.kubetel.store.clickhouse.ReadContext;
import io.kubetel.store.layout.Tables;
import io.kubetel.store.metrics.MetricSql;
import io.kubetel.store.metrics.MetricTables;
import io.kubetel.store.metrics.SeriesData;
import io.kubetel.store.metrics.SeriesNames;
import io.kubetel.store.sql.Dialect;
import io.kubetel.store.sql.FieldSql;
import io.kubetel.store.sql.Select;
import io.kubetel.store.sql.SqlLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds TelemetryQuery SQL. Group-by values come back as {@code g0, g1, ...}, the bucket start
 * (epoch seconds) as {@code q_bucket}. Aggregations computable in one pass are done in SQL ({@link
 * #direct}); counter rates and the aggregations of histograms (both kinds) and summaries need
 * per-series buckets reduced in Java ({@link #perSeries}, see {@link BucketReducer}). Metric points
 * flagged "no recorded value" are left out everywhere.
 */
public final class QuerySql {
  private QuerySql() {}

  /** Probe: does the metric have rows of this type in the window. */
  public static String metricProbe(
      ReadContext ctx, MetricType type, ResolvedQuery q, Optional<String> namespace) {
    Dialect d = ctx.dialect();
    Select s =
        Select.select("1 AS found")
            .from(ctx.table(MetricTables.of(type)))
            .where("MetricName = " + SqlLiteral.string(q.metric()))
            .where(MetricTables.RECORDED)
            .where(d.timeAtLeast("TimeUnix", q.window().start()))
            .where(d.timeBefore("TimeUnix", q.window().end()))
            .where(d.timeKeyBounds("TimeUnix", q.window().start(), q.window().end()));
    namespace.ifPresent(ns -> s.where(new FieldSql(d, Signal.METRICS).namespaceIs(ns)));
    return s.limit(1).toSql();
  }

  private static Select scoped(
      ReadContext ctx, ResolvedQuery q, Optional<String> namespace, Optional<MetricType> type) {
    Dialect d = ctx.dialect();
    FieldSql fields = new FieldSql(d, q.signal());
    String time =
        switch (q.signal()) {
          case METRICS -> "TimeUnix";
          case TRACES, LOGS -> "Timestamp";
        };
    String table =
        switch (q.signal()) {
          case METRICS -> MetricTables.of(type.orElseThrow());
          case TRACES -> Tables.TRACES;
          case LOGS -> Tables.LOGS;
        };
    List<String> cols = new ArrayList<>();
    cols.add(d.bucketSeconds(time, q.stepSeconds()) + " AS q_bucket");
    for (int i = 0; i < q.groupBy().size(); i++) {
      cols.add(fields.resolve(q.groupBy().get(i)).value() + " AS g" + i);
    }
    Select s =
        Select.select(cols.toArray(String[]::new))
            .from(ctx.table(table))
            .where(d.timeAtLeast(time, q.window().start()))
            .where(d.timeBefore(time, q.window().end()))
            .where(d.timeKeyBounds(time, q.window().start(), q.window().end()));
    if (q.signal() == Signal.METRICS) {
      s.where("MetricName = " + SqlLiteral.string(q.metric())).where(MetricTables.RECORDED);
    }
    if (q.signal() == Signal.LOGS) {
      s.where(d.logKeyBounds(q.window().start(), q.window().end()));
    }
    namespace.ifPresent(ns -> s.where(fields.namespaceIs(ns)));
    for (FieldFilter f : q.filters()) {
      if (!f.key().equals(FieldKeys.TYPE)) {
        s.where(fields.condition(f));
      }
    }
    return s;
  }

  private static List<String> groupKeys(ResolvedQuery q) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < q.groupBy().size(); i++) {
      keys.add("g" + i);
    }
    return keys;
  }

  /** Whether the aggregation is computed in one SQL pass for this signal/type. */
  public static boolean isDirect(ResolvedQuery q, Optional<MetricType> type) {
    if (q.signal() != Signal.METRICS) {
      return true;
    }
    MetricType t = type.orElseThrow();
    return t == MetricType.GAUGE || (t == MetricType.SUM && q.aggregation() != Aggregation.RATE);
  }

  /** One row per (group, bucket) with the aggregated value {@code q_value}. */
  public static String direct(
      ReadContext ctx, ResolvedQuery q, Optional<String> namespace, Optional<MetricType> type) {
    String value =
        switch (q.signal()) {
          case METRICS -> "Value";
          case TRACES -> "Duration / 1000000.0";
          case LOGS -> "1";
        };
    double step = q.stepSeconds();
    Aggregation a = q.aggregation();
    String agg =
        switch (a) {
          case AVG -> "avg(" + value + ")";
          case SUM -> "sum(" + value + ")";
          case MIN -> "min(" + value + ")";
          case MAX -> "max(" + value + ")";
          case COUNT -> "count()";
          case RATE -> "count() / " + SqlLiteral.number(step);
          case P50, P90, P95, P99 -> "quantile(" + a.quantile() + ")(" + value + ")";
        };
    List<String> keys = groupKeys(q);
    List<String> group = new ArrayList<>(keys);
    group.add("q_bucket");
    return scoped(ctx, q, namespace, type)
        .column(agg + " AS q_value")
        .groupBy(group)
        .orderBy(group.toArray(String[]::new))
        .toSql();
  }

  /**
   * One row per (group, series, bucket) with the first/last/total of the series' counter (sum
   * values, or the observation count) in the bucket; for histograms and summaries also their sums,
   * and per type: explicit bucket counts, bounds, min and max; every exponential point's buckets
   * (oldest first), min and max; a summary's latest quantiles.
   */
  public static String perSeries(
      ReadContext ctx, ResolvedQuery q, Optional<String> namespace, MetricType type) {
    Dialect d = ctx.dialect();
    String t = d.nanos("TimeUnix");
    String v = type.recordsObservations() ? "Count" : "Value";
    // Summaries have no AggregationTemporality column: OTel summaries are cumulative.
    String temporality =
        type == MetricType.SUMMARY
            ? SeriesData.CUMULATIVE + " AS q_temporality"
            : "any(AggregationTemporality) AS q_temporality";
    Select s =
        scoped(ctx, q, namespace, Optional.of(type))
            .column(SeriesNames.fingerprintSql(d) + " AS q_fp")
            .column(temporality)
            .column("argMin(" + v + ", " + t + ") AS q_first")
            .column("argMax(" + v + ", " + t + ") AS q_last")
            .column("sum(" + v + ") AS q_total")
            .column(byTime(v, t) + " AS q_values");
    if (type.recordsObservations()) {
      s.column("argMin(Sum, " + t + ") AS q_first_sum")
          .column("argMax(Sum, " + t + ") AS q_last_sum")
          .column("sum(Sum) AS q_total_sum");
    }
    switch (type) {
      case HISTOGRAM ->
          s.column("argMin(BucketCounts, " + t + ") AS q_first_buckets")
              .column("argMax(BucketCounts, " + t + ") AS q_last_buckets")
              .column("sumForEach(BucketCounts) AS q_total_buckets")
              .column("argMax(ExplicitBounds, " + t + ") AS q_bounds")
              .column("min(Min) AS q_min")
              .column("max(Max) AS q_max");
      case EXPONENTIAL_HISTOGRAM ->
          // Points of different scales and offsets cannot be summed column-wise in SQL: every
          // point's buckets come back, oldest first, and are merged in Java.
          s.column(byTime("Scale", t) + " AS q_scales")
              .column(byTime("ZeroCount", t) + " AS q_zero_counts")
              .column(byTime("PositiveOffset", t) + " AS q_pos_offsets")
              .column(byTime("PositiveBucketCounts", t) + " AS q_pos_counts")
              .column(byTime("NegativeOffset", t) + " AS q_neg_offsets")
              .column(byTime("NegativeBucketCounts", t) + " AS q_neg_counts")
              .column("min(Min) AS q_min")
              .column("max(Max) AS q_max");
      case SUMMARY ->
          s.column("argMax(" + MetricSql.QUANTILE_LEVELS + ", " + t + ") AS q_quantiles")
              .column("argMax(" + MetricSql.QUANTILE_VALUES + ", " + t + ") AS q_quantile_values");
      default -> {
        // Sums need only their counter.
      }
    }
    List<String> group = new ArrayList<>(groupKeys(q));
    group.add("q_fp");
    group.add("q_bucket");
    return s.groupBy(group).orderBy(group.toArray(String[]::new)).toSql();
  }

  /** The column's values in the group, oldest point first. */
  private static String byTime(String column, String nanos) {
    return "arraySort((x, y) -> y, groupArray(" + column + "), groupArray(" + nanos + "))";
  }
}
