package io.kubetel.crds.alertrule;

/**
 * What an evaluation does when the query returns no data: keep the state, alert, or resolve (the
 * evaluator's {@code io.kubetel.alerting.rule.NoDataPolicy} documents each).
 */
public enum NoDataPolicy {
  KeepState,
  Alerting,
  Resolve
}
