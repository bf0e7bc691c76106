package io.kubetel.operator.alertrule;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.alertrule.AlertRuleStatus;
import io.kubetel.crds.alertrule.AlertState;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.query.ValidationConditions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates AlertRules and reports the result as {@code Valid} and {@code Ready} conditions. A user
 * error never throws (no retry storm): it becomes {@code Valid=False} with the problem as reason.
 * Rules are re-checked periodically because part of the check depends on the stored data and on
 * Secrets. Evaluation and delivery belong to the alerting component.
 */
@ControllerConfiguration(name = AlertRuleReconciler.NAME)
public class AlertRuleReconciler implements Reconciler<AlertRule> {
  private static final Logger log = LoggerFactory.getLogger(AlertRuleReconciler.class);

  public static final String NAME = "alertrule";

  private final AlertRuleValidator validator;
  private final EventRecorder events;
  private final Clock clock;
  private final Duration recheck;

  public AlertRuleReconciler(
      AlertRuleValidator validator, EventRecorder events, Clock clock, Duration recheck) {
    this.validator = validator;
    this.events = events;
    this.clock = clock;
    this.recheck = recheck;
  }

  @Override
  public UpdateControl<AlertRule> reconcile(AlertRule rule, Context<AlertRule> context) {
    long generation =
        rule.getMetadata().getGeneration() == null ? 0 : rule.getMetadata().getGeneration();
    AlertRuleStatus before = rule.getStatus() == null ? new AlertRuleStatus() : rule.getStatus();
    ConditionSet conditions = ConditionSet.from(before.getConditions(), generation, clock);
    Duration next = recheck;
    try {
      ValidationConditions.apply(
          conditions,
          validator.validate(rule),
          "the rule",
          "the rule is valid",
          "accepted for evaluation every " + rule.getSpec().getInterval());
    } catch (RuntimeException e) {
      // The data catalog (ClickHouse) could not be read: say so and check again soon.
      ValidationConditions.catalogUnavailable(
          conditions, "cannot check the query against stored data: " + e.getMessage());
      next = Duration.ofSeconds(30);
      log.warn(
          "event=alertrule_catalog_failed namespace={} name={} error={}",
          rule.getMetadata().getNamespace(),
          rule.getMetadata().getName(),
          e.getMessage());
    }
    ValidationConditions.announce(conditions, events, rule);
    AlertRuleStatus status = new AlertRuleStatus();
    status.setState(before.getState() == null ? AlertState.Inactive : before.getState());
    status.setLastEvaluationTime(before.getLastEvaluationTime());
    status.setLastValue(before.getLastValue());
    status.setFiringSince(before.getFiringSince());
    status.setObservedGeneration(generation);
    status.setConditions(conditions.toList());
    if (same(before, status)) {
      return UpdateControl.<AlertRule>noUpdate().rescheduleAfter(next);
    }
    rule.setStatus(status);
    return UpdateControl.patchStatus(rule).rescheduleAfter(next);
  }

  private static boolean same(AlertRuleStatus a, AlertRuleStatus b) {
    return a.getState() == b.getState()
        && Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
        && ValidationConditions.render(a.getConditions())
            .equals(ValidationConditions.render(b.getConditions()));
  }
}
