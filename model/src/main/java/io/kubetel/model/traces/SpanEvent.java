package io.kubetel.model.traces;

import java.time.Instant;
import java.util.Map;

/** An event recorded on a span (an exception, a retry, a log-like annotation). */
public record SpanEvent(Instant time, String name, Map<String, String> attributes) {
  public SpanEvent {
    attributes = Map.copyOf(attributes);
  }
}
