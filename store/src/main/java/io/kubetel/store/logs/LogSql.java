package io.kubetel.store.logs;

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
import java.util.List;
import java.util.Optional;

/** Builds log queries: oldest first, keyset on (timestamp nanos, fingerprint). */
public final class LogSql {
  private LogSql() {}

  private static Select base(ReadContext ctx) {
    Dialect d = ctx.dialect();
    FieldSql fields = new FieldSql(d, Signal.LOGS);
    return Select.select(
            d.nanos("Timestamp") + " AS l_ts",
            LogNames.fingerprintSql(d) + " AS l_fp",
            "TraceId AS l_trace",
            "SpanId AS l_span",
            "SeverityText AS l_severity",
            "SeverityNumber AS l_severity_number",
            "ServiceName AS l_service",
            "Body AS l_body",
            fields.namespace() + " AS l_ns",
            fields.pod() + " AS l_pod",
            d.keys("LogAttributes") + " AS l_attr_keys",
            d.values("LogAttributes") + " AS l_attr_values",
            d.keys(FieldSql.RESOURCE) + " AS l_res_keys",
            d.values(FieldSql.RESOURCE) + " AS l_res_values",
            // The newest logs tables name OTel events; older ones have no such column.
            (d.shapes().hasColumn(Tables.LOGS, "EventName") ? "EventName" : "''") + " AS l_event")
        .from(ctx.table(Tables.LOGS));
  }

  /** One page of records (ask for one more than the page to detect a next page). */
  public static String list(
      ReadContext ctx,
      Optional<String> namespace,
      TimeWindow window,
      List<FieldFilter> filters,
      Optional<Cursor> after,
      int limit) {
    Dialect d = ctx.dialect();
    FieldSql fields = new FieldSql(d, Signal.LOGS);
    Select s =
        base(ctx)
            .where(d.timeAtLeast("Timestamp", window.start()))
            .where(d.timeBefore("Timestamp", window.end()))
            .where(d.timeKeyBounds("Timestamp", window.start(), window.end()))
            .where(d.logKeyBounds(window.start(), window.end()));
    namespace.ifPresent(ns -> s.where(fields.namespaceIs(ns)));
    for (FieldFilter f : filters) {
      s.where(fields.condition(f));
    }
    if (after.isPresent()) {
      List<String> p = after.get().parts();
      if (p.size() != 2 || !p.get(0).matches("\\d{1,19}") || !p.get(1).matches("[0-9a-f]{8}")) {
        throw new InvalidQueryException("continue token does not belong to a logs list");
      }
      long ts = Long.parseLong(p.get(0));
      s.where(d.timeAtLeast("Timestamp", SqlLiteral.instant(ts)));
      s.where(d.timeKeyBounds("Timestamp", SqlLiteral.instant(ts), window.end()));
      s.where(
          d.nanos("Timestamp")
              + " > "
              + ts
              + " OR "
              + LogNames.fingerprintSql(d)
              + " > "
              + SqlLiteral.string(p.get(1)));
    }
    return s.orderBy("l_ts", "l_fp").limit(limit).toSql();
  }

  /** The record(s) at one timestamp with one fingerprint, in a namespace. */
  public static String get(ReadContext ctx, String namespace, long epochNanos, String fingerprint) {
    Dialect d = ctx.dialect();
    FieldSql fields = new FieldSql(d, Signal.LOGS);
    return base(ctx)
        .where(d.timeAtLeast("Timestamp", SqlLiteral.instant(epochNanos)))
        .where(d.timeBefore("Timestamp", SqlLiteral.instant(epochNanos + 1)))
        .where(
            d.timeKeyBounds(
                "Timestamp", SqlLiteral.instant(epochNanos), SqlLiteral.instant(epochNanos + 1)))
        .where(d.logKeyBounds(SqlLiteral.instant(epochNanos), SqlLiteral.instant(epochNanos + 1)))
        .where(fields.namespaceIs(namespace))
        .where(LogNames.fingerprintSql(d) + " = " + SqlLiteral.string(fingerprint))
        .limit(1)
        .toSql();
  }
}
