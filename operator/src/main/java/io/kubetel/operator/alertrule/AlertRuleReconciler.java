package io.kubetel.operator.alertrule;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.alertrule.AlertRuleStatus;
import io.kubetel.crds.alertrule.AlertState;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.validation.Revalidation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates AlertRules and reports the result as {@code Valid} and {@code Ready} conditions,
 * through the {@link Revalidation} it shares with Dashboards (re-checked periodically: part of the
 * check depends on the stored data; at once when a referenced {@link ReceiverSecrets} Secret
 * changes). It keeps what the alerting component writes (state, last evaluation, value, firing
 * since); evaluation and delivery belong to that component.
 */
@ControllerConfiguration(name = AlertRuleReconciler.NAME)
public class AlertRuleReconciler implements Reconciler<AlertRule> {

  public static final String NAME = "alertrule";

  private final AlertRuleValidator validator;
  private final Revalidation revalidation;
  private final Optional<AlertEvaluation> evaluation;
  private final Clock clock;

  /** Validation only (tests, and an operator without an evaluator). */
  public AlertRuleReconciler(
      AlertRuleValidator validator, EventRecorder events, Clock clock, Duration recheck) {
    this(validator, events, clock, recheck, Optional.empty());
  }

  /**
   * @param evaluation the evaluator valid rules are handed to; its results fill the status
   */
  public AlertRuleReconciler(
      AlertRuleValidator validator,
      EventRecorder events,
      Clock clock,
      Duration recheck,
      Optional<AlertEvaluation> evaluation) {
    this.validator = validator;
    this.revalidation = new Revalidation(events, clock, recheck);
    this.evaluation = evaluation;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, AlertRule>> prepareEventSources(
      EventSourceContext<AlertRule> context) {
    return ReceiverSecrets.eventSources(context);
  }

  @Override
  public UpdateControl<AlertRule> reconcile(AlertRule rule, Context<AlertRule> context) {
    revalidation.markIfNew(rule, rule.getStatus(), context);
    AlertRuleStatus before = rule.getStatus() == null ? new AlertRuleStatus() : rule.getStatus();
    Revalidation.Outcome outcome =
        rule.getSpec() == null
            ? revalidation.specMissing(rule, before.getConditions(), "the rule")
            : revalidation.run(
                rule,
                before.getConditions(),
                () -> validator.validate(rule, ReceiverSecrets.in(context)),
                new Revalidation.Wording(
                    "the rule",
                    "the query",
                    "the rule is valid",
                    "accepted for evaluation every " + rule.getSpec().getInterval()));
    AlertRuleStatus status = new AlertRuleStatus();
    status.setState(before.getState() == null ? AlertState.Inactive : before.getState());
    status.setLastEvaluationTime(before.getLastEvaluationTime());
    status.setLastValue(before.getLastValue());
    status.setFiringSince(before.getFiringSince());
    status.setFiringSeries(before.getFiringSeries());
    status.setFiringCount(before.getFiringCount());
    status.setObservedGeneration(outcome.generation());
    status.setConditions(outcome.conditions());
    Duration next = outcome.next();
    if (evaluation.isPresent() && rule.getSpec() != null) {
      next = EvaluationStatus.apply(evaluation.get(), rule, context, status, clock, next);
    }
    boolean changed =
        before.getState() != status.getState()
            || !Objects.equals(before.getObservedGeneration(), status.getObservedGeneration())
            || !Objects.equals(before.getLastValue(), status.getLastValue())
            || !Objects.equals(before.getFiringCount(), status.getFiringCount())
            || !Revalidation.sameConditions(before.getConditions(), status.getConditions());
    if (changed) {
      rule.setStatus(status);
    }
    return Revalidation.update(rule, changed, next);
  }
}
