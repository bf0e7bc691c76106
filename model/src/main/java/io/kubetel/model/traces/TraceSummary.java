package io.kubetel.model.traces;

import java.time.Instant;
import java.util.List;

/**
 * One trace as a list row. A trace belongs to the namespace of its root span (the earliest span
 * without a parent in the trace).
 *
 * @param traceId 32 lowercase hex digits, also the object name
 * @param status {@code Error} when any span has status Error, else {@code Ok} when any span is Ok,
 *     else {@code Unset}
 */
public record TraceSummary(
    String traceId,
    String namespace,
    String rootService,
    String rootSpan,
    int spanCount,
    int errorCount,
    List<String> services,
    Instant start,
    long durationNanos,
    String status) {

  public TraceSummary {
    services = List.copyOf(services);
  }
}
