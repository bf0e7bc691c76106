package io.kubetel.model.query;

import io.kubetel.model.filter.FilterOperator;

/** Filter operators as written in a TelemetryQuery, named like Kubernetes selector operators. */
public enum QueryFilterOperator {
  Equals(FilterOperator.EQUALS),
  NotEquals(FilterOperator.NOT_EQUALS),
  In(FilterOperator.IN),
  NotIn(FilterOperator.NOT_IN),
  Exists(FilterOperator.EXISTS),
  DoesNotExist(FilterOperator.NOT_EXISTS);

  private final FilterOperator operator;

  QueryFilterOperator(FilterOperator operator) {
    this.operator = operator;
  }

  /** The storage-level operator. */
  public FilterOperator toFilterOperator() {
    return operator;
  }
}
