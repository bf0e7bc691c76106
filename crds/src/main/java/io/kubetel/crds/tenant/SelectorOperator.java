package io.kubetel.crds.tenant;

/** Operators of a set-based label requirement. */
public enum SelectorOperator {
  In,
  NotIn,
  Exists,
  DoesNotExist
}
