package io.kubetel.model.traces;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One span of a trace with its children, forming the span tree. Spans whose parent is missing from
 * the trace are roots.
 */
public record SpanNode(
    String spanId,
    String parentSpanId,
    String name,
    String kind,
    String service,
    String namespace,
    String pod,
    Instant start,
    long durationNanos,
    String statusCode,
    String statusMessage,
    Map<String, String> attributes,
    List<SpanEvent> events,
    List<SpanNode> children) {

  public SpanNode {
    attributes = Map.copyOf(attributes);
    events = List.copyOf(events);
    children = List.copyOf(children);
  }
}
