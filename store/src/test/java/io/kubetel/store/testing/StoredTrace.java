package io.kubetel.store.testing;

import io.kubetel.model.query.Signal;
import io.kubetel.model.traces.SpanNode;
import io.kubetel.model.traces.TraceDetail;
import io.kubetel.store.sql.FieldSql;
import io.kubetel.store.sql.SqlLiteral;
import io.kubetel.store.traces.SpanTree;
import io.kubetel.store.write.TelemetryBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One trace of the in-memory store: its detail and the fields of each span. Traces written as spans
 * get their tree and summary from the store's own {@link SpanTree}.
 *
 * @param listable whether the trace has a span without a parent: ClickHouse lists a trace by its
 *     root span, so a trace of orphans only is found by id but never listed
 */
record StoredTrace(TraceDetail detail, List<StoredTrace.Span> spans, boolean listable) {

  /** One span's fields and timing, for filters and queries. */
  record Span(FieldValues fields, Instant start, long durationNanos) {}

  /** A trace given as a model object (the API server's tests). */
  static StoredTrace of(TraceDetail detail) {
    List<Span> spans = new ArrayList<>();
    detail.roots().forEach(r -> flatten(detail.summary().traceId(), r, spans));
    boolean listable = detail.roots().stream().anyMatch(r -> r.parentSpanId().isEmpty());
    return new StoredTrace(detail, spans, listable);
  }

  private static void flatten(String traceId, SpanNode n, List<Span> out) {
    out.add(
        new Span(
            fields(
                traceId,
                n.spanId(),
                n.name(),
                n.kind(),
                n.service(),
                n.statusCode(),
                FieldValues.resource(Map.of(), n.namespace(), n.pod()),
                n.attributes()),
            n.start(),
            n.durationNanos()));
    n.children().forEach(c -> flatten(traceId, c, out));
  }

  /** A trace from the spans of one trace id, as written to ClickHouse. */
  static StoredTrace of(String traceId, List<TelemetryBatch.Span> written) {
    List<SpanTree.Span> spans = new ArrayList<>();
    List<Span> fields = new ArrayList<>();
    for (TelemetryBatch.Span s : written) {
      spans.add(
          new SpanTree.Span(
              s.spanId(),
              s.parentSpanId(),
              s.name(),
              s.kind(),
              s.service(),
              s.resource().getOrDefault(FieldSql.NAMESPACE_ATTR, ""),
              s.resource().getOrDefault(FieldSql.POD_ATTR, ""),
              SqlLiteral.nanos(s.start()),
              s.durationNanos(),
              s.statusCode(),
              s.statusMessage(),
              s.attributes(),
              s.events().stream()
                  .map(
                      e ->
                          new io.kubetel.model.traces.SpanEvent(e.time(), e.name(), e.attributes()))
                  .toList()));
      fields.add(
          new Span(
              fields(
                  traceId,
                  s.spanId(),
                  s.name(),
                  s.kind(),
                  s.service(),
                  s.statusCode(),
                  s.resource(),
                  s.attributes()),
              s.start(),
              s.durationNanos()));
    }
    SpanTree tree = SpanTree.build(spans);
    boolean listable = written.stream().anyMatch(s -> s.parentSpanId().isEmpty());
    return new StoredTrace(
        new TraceDetail(tree.summary(traceId), tree.roots()), List.copyOf(fields), listable);
  }

  private static FieldValues fields(
      String traceId,
      String spanId,
      String name,
      String kind,
      String service,
      String status,
      Map<String, String> resource,
      Map<String, String> attributes) {
    return new FieldValues(
        Signal.TRACES,
        Map.of(
            "ServiceName", service,
            "TraceId", traceId,
            "SpanId", spanId,
            "StatusCode", status,
            "SpanName", name,
            "SpanKind", kind),
        resource,
        attributes);
  }
}
