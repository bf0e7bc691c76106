package io.kubetel.store.write;

import io.kubetel.model.store.StoreSchemaException;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.layout.TableShapes;
import io.kubetel.store.layout.Tables;
import io.kubetel.store.schema.TableDiscovery;
import io.kubetel.store.sql.SqlLiteral;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link TelemetryBatch} as JSONEachRow into the exporter tables of either layout: MODERN
 * rows carry maps and DateTime64 strings; COMPAT rows carry {@code "Attributes.key"}/{@code
 * "Attributes.value"} arrays and nanosecond integers. Nested columns that both layouts keep
 * (summaries' {@code ValueAtQuantiles}) are written as their parallel arrays.
 */
public final class TelemetryWriter {
  // ISO-8601 with an explicit Z, parsed with date_time_input_format=best_effort, so MODERN
  // writes do not depend on the server's time zone.
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final ClickHouseGateway gateway;
  private final SchemaLayout layout;
  private TableShapes tables;

  public TelemetryWriter(ClickHouseGateway gateway, SchemaLayout layout) {
    this.gateway = gateway;
    this.layout = layout;
  }

  /**
   * Writes every record of the batch (one insert per table), into the tables discovery finds in the
   * gateway's database under its table names, whatever exporter generation created them.
   *
   * @throws StoreSchemaException naming the table when the batch has records for a missing one
   */
  public void write(TelemetryBatch batch) {
    Map<String, String> settings =
        layout == SchemaLayout.MODERN ? Map.of("date_time_input_format", "best_effort") : Map.of();
    insert(Tables.GAUGE, batch.gauges.stream().map(this::gauge).toList(), settings);
    insert(Tables.SUM, batch.sums.stream().map(this::sum).toList(), settings);
    insert(Tables.HISTOGRAM, batch.histograms.stream().map(this::histogram).toList(), settings);
    insert(
        Tables.EXP_HISTOGRAM,
        batch.exponentialHistograms.stream().map(this::exponentialHistogram).toList(),
        settings);
    insert(Tables.SUMMARY, batch.summaries.stream().map(this::summary).toList(), settings);
    insert(Tables.TRACES, batch.spans.stream().map(this::span).toList(), settings);
    if (!batch.logs.isEmpty()) {
      resolve(Tables.LOGS); // log rows depend on the table's columns (EventName)
    }
    insert(Tables.LOGS, batch.logs.stream().map(this::log).toList(), settings);
  }

  private void insert(String role, List<Map<String, Object>> rows, Map<String, String> settings) {
    if (rows.isEmpty()) {
      return;
    }
    resolve(role);
    gateway.insertJsonEachRow(tables.name(role), rows, settings);
  }

  /**
   * Discovers the tables on first use, and again when {@code role}'s table was missing (it may have
   * been created since).
   */
  private void resolve(String role) {
    if (tables == null || !tables.has(role)) {
      tables = TableDiscovery.describe(gateway, gateway.database());
    }
    if (!tables.has(role)) {
      throw new StoreSchemaException(
          StoreSchemaException.Problem.MISSING_TABLE,
          "cannot write: telemetry table "
              + gateway.database()
              + "."
              + tables.name(role)
              + " does not exist");
    }
  }

  private Object time(Instant t) {
    return layout == SchemaLayout.MODERN ? TIME.format(t) : SqlLiteral.nanos(t);
  }

  private void attrs(Map<String, Object> row, String column, Map<String, String> attrs) {
    if (layout == SchemaLayout.MODERN) {
      row.put(column, attrs);
    } else {
      row.put(column + ".key", new ArrayList<>(attrs.keySet()));
      row.put(column + ".value", new ArrayList<>(attrs.values()));
    }
  }

  /** The columns every metric table has. */
  private Map<String, Object> metricRow(TelemetryBatch.MetricPoint p) {
    Map<String, Object> row = new LinkedHashMap<>();
    attrs(row, "ResourceAttributes", p.resource());
    row.put("ServiceName", p.service());
    row.put("MetricName", p.metric());
    row.put("MetricDescription", p.description());
    row.put("MetricUnit", p.unit());
    attrs(row, "Attributes", p.attributes());
    row.put("StartTimeUnix", time(p.start()));
    row.put("TimeUnix", time(p.time()));
    row.put("ScopeName", "kubetel");
    row.put("Flags", p.flags());
    return row;
  }

  private Map<String, Object> gauge(TelemetryBatch.Gauge g) {
    Map<String, Object> row = metricRow(g);
    row.put("Value", g.value());
    return row;
  }

  private Map<String, Object> sum(TelemetryBatch.Sum s) {
    Map<String, Object> row = metricRow(s);
    row.put("Value", s.value());
    row.put("AggregationTemporality", s.temporality());
    row.put(
        "IsMonotonic",
        layout == SchemaLayout.MODERN ? (Object) s.monotonic() : (s.monotonic() ? 1 : 0));
    return row;
  }

  private Map<String, Object> histogram(TelemetryBatch.Histogram h) {
    Map<String, Object> row = metricRow(h);
    row.put("Count", h.count());
    row.put("Sum", h.sum());
    row.put("BucketCounts", h.bucketCounts());
    row.put("ExplicitBounds", h.bounds());
    row.put("Min", h.min());
    row.put("Max", h.max());
    row.put("AggregationTemporality", h.temporality());
    return row;
  }

  private Map<String, Object> exponentialHistogram(TelemetryBatch.ExponentialHistogram h) {
    Map<String, Object> row = metricRow(h);
    TelemetryBatch.ExpBuckets b = h.buckets();
    row.put("Count", h.count());
    row.put("Sum", h.sum());
    row.put("Scale", b.scale());
    row.put("ZeroCount", b.zeroCount());
    row.put("PositiveOffset", b.positiveOffset());
    row.put("PositiveBucketCounts", b.positive());
    row.put("NegativeOffset", b.negativeOffset());
    row.put("NegativeBucketCounts", b.negative());
    row.put("Min", h.min());
    row.put("Max", h.max());
    row.put("AggregationTemporality", h.temporality());
    return row;
  }

  private Map<String, Object> summary(TelemetryBatch.Summary s) {
    Map<String, Object> row = metricRow(s);
    row.put("Count", s.count());
    row.put("Sum", s.sum());
    // ValueAtQuantiles is Nested in both layouts: its columns are parallel arrays.
    row.put(
        "ValueAtQuantiles.Quantile",
        s.quantiles().stream().map(TelemetryBatch.ValueAtQuantile::quantile).toList());
    row.put(
        "ValueAtQuantiles.Value",
        s.quantiles().stream().map(TelemetryBatch.ValueAtQuantile::value).toList());
    return row;
  }

  private Map<String, Object> span(TelemetryBatch.Span s) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("Timestamp", time(s.start()));
    row.put("TraceId", s.traceId());
    row.put("SpanId", s.spanId());
    row.put("ParentSpanId", s.parentSpanId());
    row.put("SpanName", s.name());
    row.put("SpanKind", s.kind());
    row.put("ServiceName", s.service());
    attrs(row, "ResourceAttributes", s.resource());
    attrs(row, "SpanAttributes", s.attributes());
    row.put("Duration", s.durationNanos());
    row.put("StatusCode", s.statusCode());
    row.put("StatusMessage", s.statusMessage());
    List<Object> times = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Object> eventAttrs = new ArrayList<>();
    List<List<String>> keys = new ArrayList<>();
    List<List<String>> values = new ArrayList<>();
    for (TelemetryBatch.Event e : s.events()) {
      times.add(time(e.time()));
      names.add(e.name());
      eventAttrs.add(e.attributes());
      keys.add(new ArrayList<>(e.attributes().keySet()));
      values.add(new ArrayList<>(e.attributes().values()));
    }
    row.put("Events.Timestamp", times);
    row.put("Events.Name", names);
    if (layout == SchemaLayout.MODERN) {
      row.put("Events.Attributes", eventAttrs);
    } else {
      row.put("Events.AttributesKeys", keys);
      row.put("Events.AttributesValues", values);
    }
    return row;
  }

  private Map<String, Object> log(TelemetryBatch.Log l) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("Timestamp", time(l.time()));
    row.put("TraceId", l.traceId());
    row.put("SpanId", l.spanId());
    row.put("SeverityText", l.severityText());
    row.put("SeverityNumber", l.severityNumber());
    row.put("ServiceName", l.service());
    row.put("Body", l.body());
    attrs(row, "ResourceAttributes", l.resource());
    attrs(row, "LogAttributes", l.attributes());
    if (!l.eventName().isEmpty() && tables.hasColumn(Tables.LOGS, "EventName")) {
      row.put("EventName", l.eventName());
    }
    return row;
  }
}
