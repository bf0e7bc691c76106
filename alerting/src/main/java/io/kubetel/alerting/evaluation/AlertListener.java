package io.kubetel.alerting.evaluation;

import io.kubetel.alerting.rule.AlertRuleDefinition;

/**
 * Told about every evaluation, after its transitions are stored: the notification dispatcher and
 * the hosts' status writers. Called on the evaluation pool; must not throw (the evaluator logs and
 * carries on if it does).
 */
@FunctionalInterface
public interface AlertListener {
  void evaluated(AlertRuleDefinition rule, Outcome outcome);
}
