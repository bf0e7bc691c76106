package io.kubetel.core.query;

import io.kubetel.core.filter.FieldFilter;
import io.kubetel.core.window.TimeWindow;
import java.util.List;

/** A validated {@link TelemetryQuerySpec} with defaults applied and times resolved. */
public record ResolvedQuery(
    Signal signal,
    String metric,
    List<FieldFilter> filters,
    Aggregation aggregation,
    List<String> groupBy,
    TimeWindow window,
    long stepSeconds) {

  public ResolvedQuery {
    filters = List.copyOf(filters);
    groupBy = List.copyOf(groupBy);
  }
}
