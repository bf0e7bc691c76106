package io.kubetel.crds.alertrule;

/** Where an alert rule is in its lifecycle. */
public enum AlertState {
  Inactive,
  Pending,
  Firing
}
