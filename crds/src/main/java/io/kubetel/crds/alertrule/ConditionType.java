package io.kubetel.crds.alertrule;

/** Kinds of alert condition. */
public enum ConditionType {
  Threshold,
  Anomaly
}
