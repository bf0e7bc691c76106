package io.kubetel.model.page;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.window.TimeWindow;
import java.util.List;
import java.util.Optional;

/**
 * A windowed, filtered, keyset-paginated list read.
 *
 * @param namespace the Kubernetes namespace ({@code k8s.namespace.name}); empty for all namespaces
 * @param window the time window the telemetry must fall in
 * @param filters conditions that must all hold
 * @param after resume after this cursor (from the previous page), or from the start
 * @param limit maximum number of items, at least 1
 * @param detail whether items carry their detail (metric points); lists for tables do not need it
 */
public record ListRequest(
    Optional<String> namespace,
    TimeWindow window,
    List<FieldFilter> filters,
    Optional<Cursor> after,
    int limit,
    boolean detail) {

  public ListRequest {
    filters = List.copyOf(filters);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
  }
}
