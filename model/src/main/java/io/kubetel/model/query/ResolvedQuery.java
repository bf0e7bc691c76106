package io.kubetel.model.query;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.window.TimeWindow;
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
