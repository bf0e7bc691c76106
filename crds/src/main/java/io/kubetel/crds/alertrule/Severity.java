package io.kubetel.crds.alertrule;

/** Alert severities, lower-case as Alertmanager-style receivers expect them. */
public enum Severity {
  critical,
  warning,
  info
}
