package io.kubetel.store.traces;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.traces.SpanEvent;
import io.kubetel.model.traces.TraceDetail;
import io.kubetel.model.traces.TraceReader;
import io.kubetel.model.traces.TraceSummary;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.clickhouse.ReadContext;
import io.kubetel.store.clickhouse.Rows;
import io.kubetel.store.sql.SqlLiteral;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads trace summaries and span trees from {@code otel_traces} and its trace-id index. */
public final class ClickHouseTraceReader implements TraceReader {
  private final ReadContext ctx;

  public ClickHouseTraceReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Page<TraceSummary> listTraces(ListRequest request) {
    String sql =
        TraceSql.list(
            ctx,
            request.namespace(),
            request.window(),
            request.filters(),
            request.after(),
            request.limit() + 1);
    List<TraceSummary> items = new ArrayList<>();
    ctx.gateway().selectEach(sql, r -> items.add(summary(r)));
    items.sort(
        (a, b) -> {
          int c = b.start().compareTo(a.start());
          return c != 0 ? c : b.traceId().compareTo(a.traceId());
        });
    if (items.size() <= request.limit()) {
      return Page.last(items);
    }
    List<TraceSummary> page = items.subList(0, request.limit());
    TraceSummary last = page.get(page.size() - 1);
    return new Page<>(
        page,
        Optional.of(
            new Cursor(List.of(Long.toString(SqlLiteral.nanos(last.start())), last.traceId()))));
  }

  private static TraceSummary summary(JsonNode r) {
    long rootStart = Rows.longValue(r, "t_root_start");
    long first = Rows.longValue(r, "t_first");
    long end = Rows.longValue(r, "t_end");
    long errors = Rows.longValue(r, "t_errors");
    long oks = Rows.longValue(r, "t_oks");
    return new TraceSummary(
        Rows.text(r, "t_id"),
        Rows.text(r, "t_ns"),
        Rows.text(r, "t_root_service"),
        Rows.text(r, "t_root_span"),
        (int) Rows.longValue(r, "t_spans"),
        (int) errors,
        Rows.strings(r.get("t_services")),
        SqlLiteral.instant(rootStart),
        Math.max(0, end - Math.min(first, rootStart)),
        status(errors, oks));
  }

  static String status(long errors, long oks) {
    return errors > 0 ? "Error" : oks > 0 ? "Ok" : "Unset";
  }

  @Override
  public Optional<TraceDetail> getTrace(String namespace, String traceId, TimeWindow window) {
    Instant start = window.start();
    Instant end = window.end();
    List<JsonNode> located = ctx.gateway().select(TraceSql.locate(ctx, traceId));
    if (!located.isEmpty() && Rows.longValue(located.get(0), "n") > 0) {
      start = SqlLiteral.instant(Rows.longValue(located.get(0), "s"));
      end = SqlLiteral.instant(Rows.longValue(located.get(0), "e") + 1);
    }
    // Spans are converted as they are parsed: a large trace is never held as a JSON tree.
    List<SpanTree.Span> spans = new ArrayList<>();
    ctx.gateway().selectEach(TraceSql.spans(ctx, traceId, start, end), r -> spans.add(span(r)));
    if (spans.isEmpty()) {
      return Optional.empty();
    }
    SpanTree tree = SpanTree.build(spans);
    if (!tree.rootNamespace().equals(namespace)) {
      return Optional.empty();
    }
    return Optional.of(new TraceDetail(tree.summary(traceId), tree.roots()));
  }

  private static SpanTree.Span span(JsonNode r) {
    List<SpanEvent> events = new ArrayList<>();
    long[] times = Rows.longs(r.get("s_event_times"));
    List<String> names = Rows.strings(r.get("s_event_names"));
    JsonNode keys = r.get("s_event_keys");
    JsonNode values = r.get("s_event_values");
    for (int i = 0; i < times.length && i < names.size(); i++) {
      events.add(
          new SpanEvent(
              SqlLiteral.instant(times[i]),
              names.get(i),
              Rows.map(keys == null ? null : keys.get(i), values == null ? null : values.get(i))));
    }
    return new SpanTree.Span(
        Rows.text(r, "s_id"),
        Rows.text(r, "s_parent"),
        Rows.text(r, "s_name"),
        Rows.text(r, "s_kind"),
        Rows.text(r, "s_service"),
        Rows.text(r, "s_ns"),
        Rows.text(r, "s_pod"),
        Rows.longValue(r, "s_start"),
        Rows.longValue(r, "s_duration"),
        Rows.text(r, "s_status"),
        Rows.text(r, "s_message"),
        Rows.map(r.get("s_attr_keys"), r.get("s_attr_values")),
        events);
  }
}
