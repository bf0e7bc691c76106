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

/** Reads log records from {@code otel_logs}. */
public final class ClickHouseLogReader implements LogReader {
  private final ReadContext ctx;

  public ClickHouseLogReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Page<LogEntry> listLogs(ListRequest request) {
    List<JsonNode> rows =
        ctx.gateway()
            .select(
                LogSql.list(
                    ctx,
                    request.namespace(),
                    request.window(),
                    request.filters(),
                    request.after(),
                    request.limit() + 1));
    List<LogEntry> items = new ArrayList<>();
    for (int i = 0; i < rows.size() && i < request.limit(); i++) {
      items.add(entry(rows.get(i)));
    }
    if (rows.size() <= request.limit()) {
      return Page.last(items);
    }
    JsonNode last = rows.get(request.limit() - 1);
    return new Page<>(
        items,
        Optional.of(
            new Cursor(
                List.of(Long.toString(Rows.longValue(last, "l_ts")), Rows.text(last, "l_fp")))));
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
