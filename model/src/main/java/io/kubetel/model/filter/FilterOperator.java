package io.kubetel.model.filter;

/** Operators shared by Kubernetes label/field selectors and the TelemetryQuery filter model. */
public enum FilterOperator {
  /** The field equals the single value. */
  EQUALS,
  /** The field is absent or differs from the single value. */
  NOT_EQUALS,
  /** The field equals one of the values. */
  IN,
  /** The field is absent or equals none of the values. */
  NOT_IN,
  /** The field is present (no values). */
  EXISTS,
  /** The field is absent (no values). */
  NOT_EXISTS
}
