package io.kubetel.crds.common;

/** The status of a {@link Condition}, as the Kubernetes API conventions spell it. */
public enum ConditionStatus {
  True,
  False,
  Unknown
}
