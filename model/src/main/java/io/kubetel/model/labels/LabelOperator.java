package io.kubetel.model.labels;

/** Operators of a Kubernetes label-selector requirement. */
public enum LabelOperator {
  /** {@code k=v} or {@code k==v}. */
  EQUALS,
  /** {@code k!=v}: the label is absent or differs. */
  NOT_EQUALS,
  /** {@code k in (a,b)}. */
  IN,
  /** {@code k notin (a,b)}: the label is absent or equals none of the values. */
  NOT_IN,
  /** {@code k}: the label is present. */
  EXISTS,
  /** {@code !k}: the label is absent. */
  NOT_EXISTS,
  /** {@code k>n}: the label is an integer greater than n. */
  GREATER_THAN,
  /** {@code k<n}: the label is an integer less than n. */
  LESS_THAN
}
