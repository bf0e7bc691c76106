package io.kubetel.apiserver.traces;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.apiserver.http.TelemetryApiGroup;
import io.kubetel.apiserver.resource.ServedObject;
import java.util.List;
import java.util.Map;

/**
 * The Trace kind as served: one trace (name = trace id) with its summary and, on get-by-name, the
 * span tree with attributes, events and children.
 */
public record Trace(String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status)
    implements ServedObject {

  /** A Trace object. */
  public static Trace of(ObjectMeta metadata, Spec spec, Status status) {
    return new Trace(TelemetryApiGroup.API_VERSION, "Trace", metadata, spec, status);
  }

  /** The trace id. */
  public record Spec(String traceId) {}

  /**
   * The trace's summary; {@code spans} (the root spans, with their children) only on get-by-name.
   *
   * @param duration human-readable, e.g. {@code 1.235s}
   */
  public record Status(
      String rootService,
      String rootSpan,
      int spanCount,
      int errorCount,
      List<String> services,
      String start,
      String duration,
      long durationNanos,
      String status,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Span> spans) {}

  /**
   * One span; {@code statusMessage}, {@code events} and {@code children} only when there are any.
   */
  public record Span(
      String spanId,
      String parentSpanId,
      String name,
      String kind,
      String service,
      String namespace,
      String pod,
      String start,
      String duration,
      long durationNanos,
      String status,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) String statusMessage,
      Map<String, String> attributes,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Event> events,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Span> children) {}

  /** A span event. */
  public record Event(String time, String name, Map<String, String> attributes) {}
}
