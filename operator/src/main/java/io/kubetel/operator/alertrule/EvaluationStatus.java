package io.kubetel.operator.alertrule;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.kubetel.alerting.evaluation.RuleStatus;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.alertrule.AlertRuleStatus;
import io.kubetel.crds.alertrule.AlertState;
import io.kubetel.crds.alertrule.FiringAnomaly;
import io.kubetel.crds.alertrule.FiringSeries;
import io.kubetel.model.duration.Durations;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.conditions.ConditionTypes;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Hands a validated AlertRule to the evaluator (or takes it away) and writes the evaluation into
 * its status: state, last value and evaluation time, firing series (at most ten) and the {@value
 * #EVALUATED} condition (False with reason {@code EvaluationFailed} when the query or storage
 * failed, {@code ReceiverFailed} when a receiver refused its last notification). The rule is
 * reconciled again after its interval (at least a minute; just after the first evaluation is due
 * while it has none) so the status follows the evaluation.
 */
final class EvaluationStatus {
  /** The condition type this writes. */
  static final String EVALUATED = "Evaluated";

  private static final Duration MIN_REFRESH = Duration.ofMinutes(1);

  private EvaluationStatus() {}

  static Duration apply(
      AlertEvaluation evaluation,
      AlertRule rule,
      Context<AlertRule> context,
      AlertRuleStatus status,
      Clock clock,
      Duration next) {
    String key = rule.getMetadata().getNamespace() + "/" + rule.getMetadata().getName();
    evaluation.retainOnly(AlertEvaluation.keys(context.getPrimaryCache().list().toList()));
    ConditionSet conditions =
        ConditionSet.from(status.getConditions(), rule.getMetadata().getGeneration(), clock);
    if (!conditions.isTrue(ConditionTypes.VALID)) {
      evaluation.forget(key);
      status.setConditions(conditions.remove(EVALUATED).toList());
      return next;
    }
    try {
      evaluation.accept(rule, ReceiverSecrets.in(context));
    } catch (InvalidInputException e) {
      evaluation.forget(key);
      conditions.set(EVALUATED, false, "NotEvaluable", e.getMessage());
      status.setConditions(conditions.toList());
      return next;
    }
    RuleStatus s = evaluation.status(key).orElse(null);
    if (s == null) {
      conditions.set(
          EVALUATED,
          io.kubetel.crds.common.ConditionStatus.Unknown,
          "Scheduled",
          "the first evaluation is due within " + rule.getSpec().getInterval());
    } else {
      status.setState(AlertState.valueOf(s.state().name()));
      status.setLastEvaluationTime(s.lastEvaluationTime().toString());
      status.setLastValue(Double.isFinite(s.lastValue()) ? s.lastValue() : null);
      status.setFiringSince(s.firingSince() == null ? null : s.firingSince().toString());
      status.setFiringCount(s.firingCount());
      status.setFiringSeries(s.firing().stream().map(EvaluationStatus::series).toList());
      Map<String, String> failed = evaluation.failedReceivers(key);
      if (s.error().isPresent()) {
        conditions.set(EVALUATED, false, "EvaluationFailed", s.error().get());
      } else if (!failed.isEmpty()) {
        conditions.set(
            EVALUATED,
            false,
            "ReceiverFailed",
            failed.entrySet().stream()
                .map(e -> "receiver " + e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; ")));
      } else {
        conditions.set(
            EVALUATED, true, "Evaluated", "evaluated every " + rule.getSpec().getInterval());
      }
    }
    status.setConditions(conditions.toList());
    Duration interval = Durations.parse(rule.getSpec().getInterval());
    // Not evaluated yet: look again just after the first evaluation is due, so the status does not
    // stay "Scheduled" for a minute; afterwards at most once a minute (API server writes).
    Duration refresh =
        s == null
            ? interval.plusSeconds(1)
            : interval.compareTo(MIN_REFRESH) < 0 ? MIN_REFRESH : interval;
    return next == null || refresh.compareTo(next) < 0 ? refresh : next;
  }

  private static FiringSeries series(RuleStatus.FiringSeries f) {
    FiringSeries out = new FiringSeries();
    out.setLabels(new java.util.TreeMap<>(f.labels()));
    out.setValue(Double.isFinite(f.value()) ? f.value() : null);
    out.setSince(f.since().toString());
    if (f.details().containsKey("grade")) {
      FiringAnomaly a = new FiringAnomaly();
      a.setGrade(finite(f.details().get("grade")));
      a.setExpectedLow(finite(f.details().get("expectedLow")));
      a.setExpectedHigh(finite(f.details().get("expectedHigh")));
      a.setObserved(finite(f.details().get("observed")));
      out.setAnomaly(a);
    }
    return out;
  }

  private static Double finite(Double d) {
    return d != null && Double.isFinite(d) ? d : null;
  }
}
