package io.kubetel.store.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.logs.LogReader;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.store.clickhouse.ReadContext;
import io.kubetel.store.clickhouse.Rows;
import io.kubetel.store.sql.SqlLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads log records from {@code otel_logs}, converting rows as they arrive. */
public final class ClickHouseLogReader implements LogReader {
  private final ReadContext ctx;

  public ClickHouseLogReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Page<LogEntry> listLogs(ListRequest request) {
    // Rows become entries as they are parsed: neither the body nor a tree of it is held.
    List<LogEntry> items = new ArrayList<>();
    List<String> cursor = new ArrayList<>(2);
    int rows =
        ctx.gateway()
            .selectEach(
                LogSql.list(
                    ctx,
                    request.namespace(),
                    request.window(),
                    request.filters(),
                    request.after(),
                    request.limit() + 1),
                row -> {
                  if (items.size() < request.limit()) {
                    items.add(entry(row));
                    cursor.clear();
                    cursor.add(Long.toString(Rows.longValue(row, "l_ts")));
                    cursor.add(Rows.text(row, "l_fp"));
                  }
                });
    if (rows <= request.limit()) {
      return Page.last(items);
    }
    return new Page<>(items, Optional.of(new Cursor(List.copyOf(cursor))));
  }

  @Override
  public Optional<LogEntry> getLog(String namespace, String name) {
    Optional<LogNames.Parsed> parsed = LogNames.parse(name);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    List<JsonNode> rows =
        ctx.gateway()
            .select(
                LogSql.get(ctx, namespace, parsed.get().epochNanos(), parsed.get().fingerprint()));
    return rows.isEmpty() ? Optional.empty() : Optional.of(entry(rows.get(0)));
  }

  private static LogEntry entry(JsonNode r) {
    long ts = Rows.longValue(r, "l_ts");
    return new LogEntry(
        LogNames.name(ts, Rows.text(r, "l_fp")),
        Rows.text(r, "l_ns"),
        SqlLiteral.instant(ts),
        Rows.text(r, "l_severity"),
        (int) Rows.longValue(r, "l_severity_number"),
        Rows.text(r, "l_service"),
        Rows.text(r, "l_pod"),
        Rows.text(r, "l_body"),
        Rows.text(r, "l_trace"),
        Rows.text(r, "l_span"),
        Rows.map(r.get("l_attr_keys"), r.get("l_attr_values")),
        Rows.map(r.get("l_res_keys"), r.get("l_res_values")),
        Rows.text(r, "l_event"));
  }
}
