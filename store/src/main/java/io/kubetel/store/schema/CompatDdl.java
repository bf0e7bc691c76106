package io.kubetel.store.schema;

import io.kubetel.store.sql.Dialect;
import java.util.List;

/**
 * The COMPAT layout's DDL for servers without Map, DateTime64 and TTL (e.g. 18.16). Same table and
 * column names as the exporter; attributes are {@code Nested(key String, value String)}; times are
 * {@code UInt64} nanoseconds since the epoch; tables are partitioned by UTC day so retention can
 * drop whole days. Nested attribute maps inside Events/Links/Exemplars become parallel {@code
 * AttributesKeys}/{@code AttributesValues} arrays of arrays. Plain String replaces LowCardinality
 * (experimental on 18.16). Tables sort by the hour of their time column first: 18.16 prunes only on
 * a key prefix, and every read is windowed (tables created before kept their keys; the reads work
 * on both). See docs/storage.md.
 */
final class CompatDdl {
  private CompatDdl() {}

  /** UTC day of a nanosecond column: the partition key. */
  static String day(String nanosColumn) {
    return "toDate(toDateTime(intDiv(" + nanosColumn + ", 1000000000), 'UTC'))";
  }

  private static final String COMMON =
      """
          ResourceAttributes Nested(key String, value String),
          ResourceSchemaUrl String,
          ScopeName String,
          ScopeVersion String,
          ScopeAttributes Nested(key String, value String),
          ScopeDroppedAttrCount UInt32,
          ScopeSchemaUrl String,
          ServiceName String,
          MetricName String,
          MetricDescription String,
          MetricUnit String,
          Attributes Nested(key String, value String),
          StartTimeUnix UInt64,
          TimeUnix UInt64,
      """;

  private static final String EXEMPLARS =
      """
          Exemplars Nested(
            FilteredAttributesKeys Array(String),
            FilteredAttributesValues Array(String),
            TimeUnix UInt64,
            Value Float64,
            SpanId String,
            TraceId String
          ),
      """;

  private static String metricTable(String db, String table, String specific) {
    String body = COMMON + specific;
    body = body.stripTrailing();
    if (body.endsWith(",")) {
      body = body.substring(0, body.length() - 1);
    }
    return "CREATE TABLE IF NOT EXISTS "
        + db
        + "."
        + table
        + " (\n"
        + body
        + "\n) ENGINE = MergeTree()\nPARTITION BY "
        + day("TimeUnix")
        + "\nORDER BY ("
        + Dialect.compatHourKey("TimeUnix")
        + ", ServiceName, MetricName, TimeUnix)\nSETTINGS index_granularity = 8192";
  }

  static List<String> statements(String db) {
    return List.of(
        "CREATE DATABASE IF NOT EXISTS " + db,
        metricTable(
            db, "otel_metrics_gauge", "    Value Float64,\n    Flags UInt32,\n" + EXEMPLARS),
        metricTable(
            db,
            "otel_metrics_sum",
            "    Value Float64,\n    Flags UInt32,\n"
                + EXEMPLARS
                + "    AggregationTemporality Int32,\n    IsMonotonic UInt8,\n"),
        metricTable(
            db,
            "otel_metrics_histogram",
            """
                Count UInt64,
                Sum Float64,
                BucketCounts Array(UInt64),
                ExplicitBounds Array(Float64),
            """
                + EXEMPLARS
                + """
                    Flags UInt32,
                    Min Float64,
                    Max Float64,
                    AggregationTemporality Int32,
                """),
        metricTable(
            db,
            "otel_metrics_exponential_histogram",
            """
                Count UInt64,
                Sum Float64,
                Scale Int32,
                ZeroCount UInt64,
                PositiveOffset Int32,
                PositiveBucketCounts Array(UInt64),
                NegativeOffset Int32,
                NegativeBucketCounts Array(UInt64),
            """
                + EXEMPLARS
                + """
                    Flags UInt32,
                    Min Float64,
                    Max Float64,
                    AggregationTemporality Int32,
                """),
        metricTable(
            db,
            "otel_metrics_summary",
            """
                Count UInt64,
                Sum Float64,
                ValueAtQuantiles Nested(Quantile Float64, Value Float64),
                Flags UInt32,
            """),
        """
        CREATE TABLE IF NOT EXISTS %1$s.otel_traces (
            Timestamp UInt64,
            TraceId String,
            SpanId String,
            ParentSpanId String,
            TraceState String,
            SpanName String,
            SpanKind String,
            ServiceName String,
            ResourceAttributes Nested(key String, value String),
            ScopeName String,
            ScopeVersion String,
            SpanAttributes Nested(key String, value String),
            Duration UInt64,
            StatusCode String,
            StatusMessage String,
            Events Nested(
              Timestamp UInt64,
              Name String,
              AttributesKeys Array(String),
              AttributesValues Array(String)
            ),
            Links Nested(
              TraceId String,
              SpanId String,
              TraceState String,
              AttributesKeys Array(String),
              AttributesValues Array(String)
            )
        ) ENGINE = MergeTree()
        PARTITION BY %2$s
        ORDER BY (%3$s, ServiceName, SpanName, Timestamp)
        SETTINGS index_granularity = 8192"""
            .formatted(db, day("Timestamp"), Dialect.compatHourKey("Timestamp")),
        """
        CREATE TABLE IF NOT EXISTS %1$s.otel_traces_trace_id_ts (
            TraceId String,
            Start UInt64,
            End UInt64
        ) ENGINE = MergeTree()
        PARTITION BY %2$s
        ORDER BY (TraceId, Start)
        SETTINGS index_granularity = 8192"""
            .formatted(db, day("Start")),
        """
        CREATE MATERIALIZED VIEW IF NOT EXISTS %1$s.otel_traces_trace_id_ts_mv
        TO %1$s.otel_traces_trace_id_ts
        AS SELECT
            TraceId,
            min(Timestamp) AS Start,
            max(Timestamp) AS End
        FROM %1$s.otel_traces
        WHERE TraceId != ''
        GROUP BY TraceId"""
            .formatted(db),
        """
        CREATE TABLE IF NOT EXISTS %1$s.otel_logs (
            Timestamp UInt64,
            TraceId String,
            SpanId String,
            TraceFlags UInt8,
            SeverityText String,
            SeverityNumber UInt8,
            ServiceName String,
            Body String,
            ResourceSchemaUrl String,
            ResourceAttributes Nested(key String, value String),
            ScopeSchemaUrl String,
            ScopeName String,
            ScopeVersion String,
            ScopeAttributes Nested(key String, value String),
            LogAttributes Nested(key String, value String)
        ) ENGINE = MergeTree()
        PARTITION BY %2$s
        ORDER BY (%3$s, ServiceName, Timestamp)
        SETTINGS index_granularity = 8192"""
            .formatted(db, day("Timestamp"), Dialect.compatHourKey("Timestamp")));
  }
}
