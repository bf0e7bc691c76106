package io.kubetel.store.traces;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.Signal;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.clickhouse.ReadContext;
import io.kubetel.store.layout.Tables;
import io.kubetel.store.sql.Dialect;
import io.kubetel.store.sql.FieldSql;
import io.kubetel.store.sql.Select;
import io.kubetel.store.sql.SqlLiteral;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Builds trace queries. A trace is listed when its root span (earliest span without a parent)
 * starts in the window. A positive span filter matches when any span of the trace matches; a
 * negative one (NotEquals, NotIn, DoesNotExist) when no span matches its positive form.
 */
public final class TraceSql {
  /** How long after the window spans of a listed trace are still looked for. */
  public static final Duration SPAN_SLACK = Duration.ofHours(1);

  static final String ERROR_CODES = "('Error', 'STATUS_CODE_ERROR')";
  static final String OK_CODES = "('Ok', 'STATUS_CODE_OK')";

  private TraceSql() {}

  /** The summaries of the page of traces (one more than {@code limit} roots to detect more). */
  public static String list(
      ReadContext ctx,
      Optional<String> namespace,
      TimeWindow window,
      List<FieldFilter> filters,
      Optional<Cursor> after,
      int limit) {
    Dialect d = ctx.dialect();
    FieldSql fields = new FieldSql(d, Signal.TRACES);
    String table = ctx.table(Tables.TRACES);
    Instant spanEnd = window.end().plus(SPAN_SLACK);
    String ts = d.nanos("Timestamp");

    Select roots =
        Select.select("TraceId", "min(" + ts + ") AS r_start")
            .from(table)
            .where("ParentSpanId = ''")
            .where(d.timeAtLeast("Timestamp", window.start()))
            .where(d.timeBefore("Timestamp", window.end()))
            .where(d.timeKeyBounds("Timestamp", window.start(), window.end()));
    namespace.ifPresent(ns -> roots.where(fields.namespaceIs(ns)));
    for (FieldFilter f : filters) {
      Select matching =
          Select.select("DISTINCT TraceId")
              .from(table)
              .where(d.timeAtLeast("Timestamp", window.start()))
              .where(d.timeBefore("Timestamp", spanEnd))
              .where(d.timeKeyBounds("Timestamp", window.start(), spanEnd))
              .where(fields.positiveCondition(f));
      roots.where(
          "TraceId "
              + (FieldSql.isNegative(f) ? "NOT IN" : "IN")
              + " ("
              + matching.toSubquery()
              + ")");
    }
    roots.groupBy("TraceId");
    if (after.isPresent()) {
      List<String> p = after.get().parts();
      if (p.size() != 2 || !p.get(0).matches("\\d{1,19}")) {
        throw new InvalidQueryException("continue token does not belong to a traces list");
      }
      String start = SqlLiteral.number(Long.parseLong(p.get(0)));
      String id = SqlLiteral.string(p.get(1));
      roots.having("r_start < " + start + " OR (r_start = " + start + " AND TraceId < " + id + ")");
    }
    roots.orderBy("r_start DESC", "TraceId DESC").limit(limit);
    String rootIds = "SELECT TraceId FROM (" + roots.toSubquery() + ")";

    String isRoot = "ParentSpanId = ''";
    return Select.select(
            "TraceId AS t_id",
            "minIf(" + ts + ", " + isRoot + ") AS t_root_start",
            "min(" + ts + ") AS t_first",
            "max(" + ts + " + toInt64(Duration)) AS t_end",
            "count() AS t_spans",
            "countIf(StatusCode IN " + ERROR_CODES + ") AS t_errors",
            "countIf(StatusCode IN " + OK_CODES + ") AS t_oks",
            "arraySort(groupUniqArray(ServiceName)) AS t_services",
            "argMinIf(ServiceName, " + ts + ", " + isRoot + ") AS t_root_service",
            "argMinIf(SpanName, " + ts + ", " + isRoot + ") AS t_root_span",
            "argMinIf(" + fields.namespace() + ", " + ts + ", " + isRoot + ") AS t_ns")
        .from(table)
        .where(d.timeAtLeast("Timestamp", window.start()))
        .where(d.timeBefore("Timestamp", spanEnd))
        .where(d.timeKeyBounds("Timestamp", window.start(), spanEnd))
        .where("TraceId IN (" + rootIds + ")")
        .groupBy("TraceId")
        .orderBy("t_root_start DESC", "t_id DESC")
        .toSql();
  }

  /** The time range of a trace from the trace-id index. */
  public static String locate(ReadContext ctx, String traceId) {
    Dialect d = ctx.dialect();
    return Select.select(
            "count() AS n",
            "min(" + d.traceIndexStartNanos() + ") AS s",
            "max(" + d.traceIndexEndNanos() + ") AS e")
        .from(ctx.table(Tables.TRACE_ID_TS))
        .where("TraceId = " + SqlLiteral.string(traceId))
        .toSql();
  }

  /** Every span of a trace within {@code [start, end)}, oldest first. */
  public static String spans(ReadContext ctx, String traceId, Instant start, Instant end) {
    Dialect d = ctx.dialect();
    FieldSql fields = new FieldSql(d, Signal.TRACES);
    return Select.select(
            "SpanId AS s_id",
            "ParentSpanId AS s_parent",
            "SpanName AS s_name",
            "SpanKind AS s_kind",
            "ServiceName AS s_service",
            fields.namespace() + " AS s_ns",
            fields.pod() + " AS s_pod",
            d.nanos("Timestamp") + " AS s_start",
            "Duration AS s_duration",
            "StatusCode AS s_status",
            "StatusMessage AS s_message",
            d.keys("SpanAttributes") + " AS s_attr_keys",
            d.values("SpanAttributes") + " AS s_attr_values",
            d.eventTimesNanos() + " AS s_event_times",
            "Events.Name AS s_event_names",
            d.eventAttrKeys() + " AS s_event_keys",
            d.eventAttrValues() + " AS s_event_values")
        .from(ctx.table(Tables.TRACES))
        .where("TraceId = " + SqlLiteral.string(traceId))
        .where(d.timeAtLeast("Timestamp", start))
        .where(d.timeBefore("Timestamp", end))
        .where(d.timeKeyBounds("Timestamp", start, end))
        .orderBy("s_start", "s_id")
        .limit(100_000)
        .toSql();
  }
}
