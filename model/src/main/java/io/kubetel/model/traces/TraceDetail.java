package io.kubetel.model.traces;

import java.util.List;

/** A trace with its span tree. */
public record TraceDetail(TraceSummary summary, List<SpanNode> roots) {
  public TraceDetail {
    roots = List.copyOf(roots);
  }
}
