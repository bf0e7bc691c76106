package io.kubetel.apiserver.traces;

import static io.kubetel.apiserver.resource.Schemas.array;
import static io.kubetel.apiserver.resource.Schemas.kind;
import static io.kubetel.apiserver.resource.Schemas.nullable;
import static io.kubetel.apiserver.resource.Schemas.object;
import static io.kubetel.apiserver.resource.Schemas.prop;
import static io.kubetel.apiserver.resource.Schemas.scalar;
import static io.kubetel.apiserver.resource.Schemas.string;
import static io.kubetel.apiserver.resource.Schemas.stringMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAPI v3 schema of a Trace object. */
final class TraceSchema {
  private TraceSchema() {}

  static ObjectNode schema() {
    ObjectNode spec = object("Identity of the trace.");
    prop(spec, "traceId", string("Trace id: 32 lowercase hex digits (also the object name)."));

    ObjectNode event = object("An event recorded on a span.");
    prop(event, "time", scalar("string", "date-time", "When the event happened."));
    prop(event, "name", string("Event name, e.g. exception."));
    prop(event, "attributes", stringMap("Event attributes."));

    ObjectNode span = object("One span with its child spans.");
    prop(span, "spanId", string("Span id: 16 lowercase hex digits."));
    prop(span, "parentSpanId", nullable(string("Parent span id; empty or null for a root span.")));
    prop(span, "name", string("Span name, e.g. GET /cart."));
    prop(
        span,
        "kind",
        nullable(string("Span kind: Server, Client, Internal, Producer or Consumer.")));
    prop(span, "service", nullable(string("Service that recorded the span.")));
    prop(span, "namespace", nullable(string("Kubernetes namespace of the service.")));
    prop(span, "pod", nullable(string("Pod that recorded the span.")));
    prop(span, "start", scalar("string", "date-time", "Span start."));
    prop(span, "duration", string("Span duration, human readable (e.g. 12.5ms)."));
    prop(span, "durationNanos", scalar("integer", "int64", "Span duration in nanoseconds."));
    prop(span, "status", string("Span status: Ok, Error or Unset."));
    prop(span, "statusMessage", string("Status message, usually set on errors."));
    prop(span, "attributes", stringMap("Span attributes."));
    prop(span, "events", array(event, "Events recorded on the span."));
    ObjectNode childRef = object("A child span (same fields as its parent span).");
    childRef.put("x-kubernetes-preserve-unknown-fields", true);
    prop(span, "children", array(childRef, "Child spans, ordered by start."));

    ObjectNode status = object("What the trace did.");
    prop(status, "rootService", nullable(string("Service of the root span.")));
    prop(status, "rootSpan", nullable(string("Name of the root span.")));
    prop(status, "spanCount", scalar("integer", "int32", "Number of spans."));
    prop(status, "errorCount", scalar("integer", "int32", "Number of spans with status Error."));
    prop(status, "services", array(string("A service name."), "Services in the trace."));
    prop(status, "start", scalar("string", "date-time", "Start of the root span."));
    prop(status, "duration", string("Duration of the trace, human readable."));
    prop(status, "durationNanos", scalar("integer", "int64", "Duration in nanoseconds."));
    prop(
        status,
        "status",
        string("Error when any span failed, else Ok when any is Ok, else Unset."));
    prop(status, "spans", array(span, "The span tree (get by name only)."));
    return kind("One distributed trace.", spec, status);
  }
}
