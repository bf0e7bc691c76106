package io.kubetel.alerting.rule;

/**
 * What an evaluation does when the query returns no data at all ({@code spec.noData}).
 *
 * <ul>
 *   <li>{@code KeepState} (default): nothing changes; a firing alert keeps firing, an inactive one
 *       stays inactive. Right when missing data usually means a pipeline hiccup.
 *   <li>{@code Alerting}: the rule's ungrouped series fires (after {@code for}), for rules that
 *       watch something that must always report (a heartbeat).
 *   <li>{@code Resolve}: every series stops holding (resolved after {@code keepFiringFor}), for
 *       error counts where no data means no errors.
 * </ul>
 */
public enum NoDataPolicy {
  KeepState,
  Alerting,
  Resolve
}
