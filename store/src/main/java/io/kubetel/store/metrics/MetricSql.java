package io.kubetel.store.metrics;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.Signal;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.clickhouse.ReadContext;
import io.kubetel.store.sql.Dialect;
import io.kubetel.store.sql.FieldSql;
import io.kubetel.store.sql.Select;
import io.kubetel.store.sql.SqlLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the per-table series query: one row per series (namespace, metric, service, pod,
 * attributes) with its points as arrays, keyset-ordered by (metric name, service, fingerprint).
 * Points flagged "no recorded value" are left out ({@link MetricTables#RECORDED}). Where the output
 * shows no points and ClickHouse can compute the statistics itself (gauges), the row carries the
 * statistics instead of the points ({@link #GAUGE_STATS}).
 */
public final class MetricSql {
  /**
   * A summary's quantile levels: the {@code Quantile} column of its {@code ValueAtQuantiles Nested}
   * column, spelled the same in both layouts (the COMPAT DDL keeps the Nested type).
   */
  public static final String QUANTILE_LEVELS = "ValueAtQuantiles.Quantile";

  /** A summary's quantile values, parallel to {@link #QUANTILE_LEVELS}. */
  public static final String QUANTILE_VALUES = "ValueAtQuantiles.Value";

  /**
   * The columns of a gauge series' statistics computed in ClickHouse, read by {@code
   * ClickHouseMetricReader} in place of points: first and last time, last value, min, max, mean and
   * count, as {@link MetricStatsCalculator} computes them from points.
   */
  public static final List<String> GAUGE_STATS =
      List.of("m_first", "m_last_time", "m_last", "m_min", "m_max", "m_avg", "m_count");

  private MetricSql() {}

  /** Whether a metric type passes the {@code type} filters (evaluated here, not in SQL). */
  public static boolean typeMatches(MetricType type, List<FieldFilter> filters) {
    for (FieldFilter f : filters) {
      if (!f.key().equals(FieldKeys.TYPE)) {
        continue;
      }
      boolean in = f.values().stream().anyMatch(v -> v.equalsIgnoreCase(type.displayName()));
      boolean ok =
          switch (f.operator()) {
            case EQUALS, IN -> in;
            case NOT_EQUALS, NOT_IN -> !in;
            case EXISTS -> true;
            case NOT_EXISTS -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * The metric names with recorded points in the window, with their type: one statement over the
   * tables of {@code types} that reads only the name, time and flag columns. Get-by-name turns the
   * name's sanitized prefix into these exact names ({@link SeriesNames#sanitize}) so that its
   * series query filters on {@code MetricName}, a sort-key column ClickHouse can prune granules by,
   * instead of aggregating every series of the namespace.
   */
  public static String names(ReadContext ctx, List<MetricType> types, TimeWindow window) {
    Dialect d = ctx.dialect();
    List<String> parts = new ArrayList<>();
    for (MetricType type : types) {
      parts.add(
          Select.select(SqlLiteral.string(type.name()) + " AS m_type", "MetricName AS m_name")
              .from(ctx.table(MetricTables.of(type)))
              .where(d.timeAtLeast("TimeUnix", window.start()))
              .where(d.timeBefore("TimeUnix", window.end()))
              .where(d.timeKeyBounds("TimeUnix", window.start(), window.end()))
              .where(MetricTables.RECORDED)
              .groupBy("m_name")
              .toSubquery());
    }
    return "SELECT m_type, m_name FROM ("
        + String.join(" UNION ALL ", parts)
        + ") FORMAT JSONEachRow";
  }

  /**
   * The series query for one table.
   *
   * @param points whether the output shows points: false lets gauges ship statistics only
   * @param metricNames restrict to these metric names (empty: any)
   * @param fingerprint restrict to one series (get-by-name)
   * @param limit rows to return (callers ask for one more than a page to detect a next page)
   */
  public static String series(
      ReadContext ctx,
      MetricType type,
      Optional<String> namespace,
      TimeWindow window,
      List<FieldFilter> filters,
      Optional<Cursor> after,
      boolean points,
      List<String> metricNames,
      Optional<String> fingerprint,
      int limit) {
    Dialect d = ctx.dialect();
    FieldSql fields = new FieldSql(d, Signal.METRICS);
    Select s =
        Select.select(
                "MetricName AS m_name",
                "ServiceName AS m_service",
                fields.namespace() + " AS m_ns",
                fields.pod() + " AS m_pod",
                SeriesNames.fingerprintSql(d) + " AS m_fp",
                "any(MetricUnit) AS m_unit",
                "any(MetricDescription) AS m_description",
                "any(" + d.keys("Attributes") + ") AS m_attr_keys",
                "any(" + d.values("Attributes") + ") AS m_attr_values",
                "any(" + d.keys(FieldSql.RESOURCE) + ") AS m_res_keys",
                "any(" + d.values(FieldSql.RESOURCE) + ") AS m_res_values")
            .from(ctx.table(MetricTables.of(type)));
    String time = d.nanos("TimeUnix");
    if (type == MetricType.GAUGE && !points) {
      s.columns(
          List.of(
              "min(" + time + ") AS m_first",
              "max(" + time + ") AS m_last_time",
              "argMax(Value, " + time + ") AS m_last",
              "min(Value) AS m_min",
              "max(Value) AS m_max",
              "avg(Value) AS m_avg",
              "count() AS m_count"));
    } else {
      s.column("groupArray(" + time + ") AS m_times");
    }
    switch (type) {
      case GAUGE -> {
        if (points) {
          s.column("groupArray(Value) AS m_values");
        }
      }
      case SUM ->
          s.column("groupArray(Value) AS m_values")
              .column("any(toUInt8(IsMonotonic)) AS m_monotonic")
              .column("any(AggregationTemporality) AS m_temporality");
      case HISTOGRAM ->
          s.column("groupArray(Count) AS m_values")
              .column("groupArray(Sum) AS m_sums")
              .column("groupArray(BucketCounts) AS m_buckets")
              .column("argMax(ExplicitBounds, " + d.nanos("TimeUnix") + ") AS m_bounds")
              .column("groupArray(Min) AS m_mins")
              .column("groupArray(Max) AS m_maxs")
              .column("any(AggregationTemporality) AS m_temporality");
      case EXPONENTIAL_HISTOGRAM ->
          s.column("groupArray(Count) AS m_values")
              .column("groupArray(Sum) AS m_sums")
              .column("groupArray(Scale) AS m_scales")
              .column("groupArray(ZeroCount) AS m_zero_counts")
              .column("groupArray(PositiveOffset) AS m_pos_offsets")
              .column("groupArray(PositiveBucketCounts) AS m_pos_counts")
              .column("groupArray(NegativeOffset) AS m_neg_offsets")
              .column("groupArray(NegativeBucketCounts) AS m_neg_counts")
              .column("groupArray(Min) AS m_mins")
              .column("groupArray(Max) AS m_maxs")
              .column("any(AggregationTemporality) AS m_temporality");
      case SUMMARY ->
          s.column("groupArray(Count) AS m_values")
              .column("groupArray(Sum) AS m_sums")
              .column("groupArray(" + QUANTILE_LEVELS + ") AS m_quantiles")
              .column("groupArray(" + QUANTILE_VALUES + ") AS m_quantile_values");
    }
    s.where(d.timeAtLeast("TimeUnix", window.start()))
        .where(d.timeBefore("TimeUnix", window.end()))
        .where(d.timeKeyBounds("TimeUnix", window.start(), window.end()))
        .where(MetricTables.RECORDED);
    if (!metricNames.isEmpty()) {
      s.where("MetricName IN " + SqlLiteral.stringList(metricNames));
    }
    namespace.ifPresent(ns -> s.where(fields.namespaceIs(ns)));
    for (FieldFilter f : filters) {
      if (!f.key().equals(FieldKeys.TYPE)) {
        s.where(fields.condition(f));
      }
    }
    if (after.isPresent()) {
      List<String> p = after.get().parts();
      if (p.size() != 3) {
        throw new InvalidQueryException("continue token does not belong to a metrics list");
      }
      String m = SqlLiteral.string(p.get(0));
      String svc = SqlLiteral.string(p.get(1));
      String fp = SqlLiteral.string(p.get(2));
      s.where("MetricName >= " + m);
      s.having(
          "m_name > "
              + m
              + " OR (m_name = "
              + m
              + " AND (m_service > "
              + svc
              + " OR (m_service = "
              + svc
              + " AND m_fp > "
              + fp
              + ")))");
    }
    fingerprint.ifPresent(fp -> s.having("m_fp = " + SqlLiteral.string(fp)));
    return s.groupBy("m_name", "m_service", "m_ns", "m_pod", "m_fp")
        .orderBy("m_name", "m_service", "m_fp")
        .limit(limit)
        .toSql();
  }
}
