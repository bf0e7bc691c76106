package io.kubetel.store.schema;

import java.util.List;

/**
 * The OTel Collector ClickHouse exporter's DDL (MergeTree, single node), so kubetel reads and
 * writes exactly the tables an existing exporter pipeline creates.
 */
final class ModernDdl {
  private ModernDdl() {}

  private static final String ATTR = "Map(LowCardinality(String), String) CODEC(ZSTD(1))";

  private static String metricCommon() {
    return """
          ResourceAttributes %1$s,
          ResourceSchemaUrl String CODEC(ZSTD(1)),
          ScopeName String CODEC(ZSTD(1)),
          ScopeVersion String CODEC(ZSTD(1)),
          ScopeAttributes %1$s,
          ScopeDroppedAttrCount UInt32 CODEC(ZSTD(1)),
          ScopeSchemaUrl String CODEC(ZSTD(1)),
          ServiceName LowCardinality(String) CODEC(ZSTD(1)),
          MetricName String CODEC(ZSTD(1)),
          MetricDescription String CODEC(ZSTD(1)),
          MetricUnit String CODEC(ZSTD(1)),
          Attributes %1$s,
          StartTimeUnix DateTime64(9) CODEC(Delta, ZSTD(1)),
          TimeUnix DateTime64(9) CODEC(Delta, ZSTD(1)),
        """
        .formatted(ATTR);
  }

  private static final String EXEMPLARS =
      """
          Exemplars Nested (
            FilteredAttributes Map(LowCardinality(String), String),
            TimeUnix DateTime64(9),
            Value Float64,
            SpanId String,
            TraceId String
          ) CODEC(ZSTD(1)),
      """;

  private static final String METRIC_INDEXES =
      """
          INDEX idx_res_attr_key mapKeys(ResourceAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
          INDEX idx_res_attr_value mapValues(ResourceAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
          INDEX idx_scope_attr_key mapKeys(ScopeAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
          INDEX idx_scope_attr_value mapValues(ScopeAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
          INDEX idx_attr_key mapKeys(Attributes) TYPE bloom_filter(0.01) GRANULARITY 1,
          INDEX idx_attr_value mapValues(Attributes) TYPE bloom_filter(0.01) GRANULARITY 1
      """;

  private static final String METRIC_ENGINE =
      """
      ) ENGINE = MergeTree()
      PARTITION BY toDate(TimeUnix)
      ORDER BY (ServiceName, MetricName, Attributes, toUnixTimestamp64Nano(TimeUnix))
      SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1""";

  private static String metricTable(String db, String table, String specific) {
    return "CREATE TABLE IF NOT EXISTS "
        + db
        + "."
        + table
        + " (\n"
        + metricCommon()
        + specific
        + METRIC_INDEXES
        + METRIC_ENGINE;
  }

  static List<String> statements(String db) {
    return List.of(
        "CREATE DATABASE IF NOT EXISTS " + db,
        metricTable(
            db,
            "otel_metrics_gauge",
            "    Value Float64 CODEC(ZSTD(1)),\n    Flags UInt32 CODEC(ZSTD(1)),\n" + EXEMPLARS),
        metricTable(
            db,
            "otel_metrics_sum",
            "    Value Float64 CODEC(ZSTD(1)),\n    Flags UInt32 CODEC(ZSTD(1)),\n"
                + EXEMPLARS
                + "    AggregationTemporality Int32 CODEC(ZSTD(1)),\n"
                + "    IsMonotonic Boolean CODEC(Delta, ZSTD(1)),\n"),
        metricTable(
            db,
            "otel_metrics_histogram",
            """
                Count UInt64 CODEC(Delta, ZSTD(1)),
                Sum Float64 CODEC(ZSTD(1)),
                BucketCounts Array(UInt64) CODEC(ZSTD(1)),
                ExplicitBounds Array(Float64) CODEC(ZSTD(1)),
            """
                + EXEMPLARS
                + """
                    Flags UInt32 CODEC(ZSTD(1)),
                    Min Float64 CODEC(ZSTD(1)),
                    Max Float64 CODEC(ZSTD(1)),
                    AggregationTemporality Int32 CODEC(ZSTD(1)),
                """),
        metricTable(
            db,
            "otel_metrics_exp_histogram",
            """
                Count UInt64 CODEC(Delta, ZSTD(1)),
                Sum Float64 CODEC(ZSTD(1)),
                Scale Int32 CODEC(ZSTD(1)),
                ZeroCount UInt64 CODEC(ZSTD(1)),
                PositiveOffset Int32 CODEC(ZSTD(1)),
                PositiveBucketCounts Array(UInt64) CODEC(ZSTD(1)),
                NegativeOffset Int32 CODEC(ZSTD(1)),
                NegativeBucketCounts Array(UInt64) CODEC(ZSTD(1)),
            """
                + EXEMPLARS
                + """
                    Flags UInt32 CODEC(ZSTD(1)),
                    Min Float64 CODEC(ZSTD(1)),
                    Max Float64 CODEC(ZSTD(1)),
                    AggregationTemporality Int32 CODEC(ZSTD(1)),
                """),
        metricTable(
            db,
            "otel_metrics_summary",
            """
                Count UInt64 CODEC(Delta, ZSTD(1)),
                Sum Float64 CODEC(ZSTD(1)),
                ValueAtQuantiles Nested(
                  Quantile Float64,
                  Value Float64
                ) CODEC(ZSTD(1)),
                Flags UInt32 CODEC(ZSTD(1)),
            """),
        """
        CREATE TABLE IF NOT EXISTS %1$s.otel_traces (
            Timestamp DateTime64(9) CODEC(Delta, ZSTD(1)),
            TraceId String CODEC(ZSTD(1)),
            SpanId String CODEC(ZSTD(1)),
            ParentSpanId String CODEC(ZSTD(1)),
            TraceState String CODEC(ZSTD(1)),
            SpanName LowCardinality(String) CODEC(ZSTD(1)),
            SpanKind LowCardinality(String) CODEC(ZSTD(1)),
            ServiceName LowCardinality(String) CODEC(ZSTD(1)),
            ResourceAttributes %2$s,
            ScopeName String CODEC(ZSTD(1)),
            ScopeVersion String CODEC(ZSTD(1)),
            SpanAttributes %2$s,
            Duration UInt64 CODEC(ZSTD(1)),
            StatusCode LowCardinality(String) CODEC(ZSTD(1)),
            StatusMessage String CODEC(ZSTD(1)),
            Events Nested (
              Timestamp DateTime64(9),
              Name LowCardinality(String),
              Attributes Map(LowCardinality(String), String)
            ) CODEC(ZSTD(1)),
            Links Nested (
              TraceId String,
              SpanId String,
              TraceState String,
              Attributes Map(LowCardinality(String), String)
            ) CODEC(ZSTD(1)),
            INDEX idx_trace_id TraceId TYPE bloom_filter(0.001) GRANULARITY 1,
            INDEX idx_res_attr_key mapKeys(ResourceAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
            INDEX idx_res_attr_value mapValues(ResourceAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
            INDEX idx_span_attr_key mapKeys(SpanAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
            INDEX idx_span_attr_value mapValues(SpanAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
            INDEX idx_duration Duration TYPE minmax GRANULARITY 1
        ) ENGINE = MergeTree()
        PARTITION BY toDate(Timestamp)
        ORDER BY (ServiceName, SpanName, toDateTime(Timestamp))
        SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1"""
            .formatted(db, ATTR),
        """
        CREATE TABLE IF NOT EXISTS %1$s.otel_traces_trace_id_ts (
            TraceId String CODEC(ZSTD(1)),
            Start DateTime CODEC(Delta, ZSTD(1)),
            End DateTime CODEC(Delta, ZSTD(1)),
            INDEX idx_trace_id TraceId TYPE bloom_filter(0.01) GRANULARITY 1
        ) ENGINE = MergeTree()
        PARTITION BY toDate(Start)
        ORDER BY (TraceId, Start)
        SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1"""
            .formatted(db),
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
            Timestamp DateTime64(9) CODEC(Delta(8), ZSTD(1)),
            TimestampTime DateTime DEFAULT toDateTime(Timestamp),
            TraceId String CODEC(ZSTD(1)),
            SpanId String CODEC(ZSTD(1)),
            TraceFlags UInt8,
            SeverityText LowCardinality(String) CODEC(ZSTD(1)),
            SeverityNumber UInt8,
            ServiceName LowCardinality(String) CODEC(ZSTD(1)),
            Body String CODEC(ZSTD(1)),
            ResourceSchemaUrl LowCardinality(String) CODEC(ZSTD(1)),
            ResourceAttributes %2$s,
            ScopeSchemaUrl LowCardinality(String) CODEC(ZSTD(1)),
            ScopeName String CODEC(ZSTD(1)),
            ScopeVersion LowCardinality(String) CODEC(ZSTD(1)),
            ScopeAttributes %2$s,
            LogAttributes %2$s,
            INDEX idx_trace_id TraceId TYPE bloom_filter(0.001) GRANULARITY 1,
            INDEX idx_res_attr_key mapKeys(ResourceAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
            INDEX idx_res_attr_value mapValues(ResourceAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
            INDEX idx_scope_attr_key mapKeys(ScopeAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
            INDEX idx_scope_attr_value mapValues(ScopeAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
            INDEX idx_log_attr_key mapKeys(LogAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
            INDEX idx_log_attr_value mapValues(LogAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
            INDEX idx_body Body TYPE tokenbf_v1(32768, 3, 0) GRANULARITY 8
        ) ENGINE = MergeTree()
        PARTITION BY toDate(TimestampTime)
        PRIMARY KEY (ServiceName, TimestampTime)
        ORDER BY (ServiceName, TimestampTime, Timestamp)
        SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1"""
            .formatted(db, ATTR));
  }
}
