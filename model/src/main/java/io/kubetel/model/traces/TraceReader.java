package io.kubetel.model.traces;

import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.window.TimeWindow;
import java.util.Optional;

/** Reads traces; what the API server's traces handler depends on. */
public interface TraceReader {

  /**
   * Traces whose root span starts in the window, newest first. Filters on span fields match when
   * any span of the trace matches.
   */
  Page<TraceSummary> listTraces(ListRequest request);

  /**
   * The trace with this id, in this namespace, with its span tree. {@code window} bounds the search
   * when the trace-id index cannot locate the trace.
   */
  Optional<TraceDetail> getTrace(String namespace, String traceId, TimeWindow window);
}
