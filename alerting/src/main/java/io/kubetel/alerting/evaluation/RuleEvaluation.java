package io.kubetel.alerting.evaluation;

import io.kubetel.alerting.condition.SeriesCondition.Verdict;
import io.kubetel.alerting.condition.SeriesInput;
import io.kubetel.alerting.rule.AlertRuleDefinition;
import io.kubetel.alerting.state.Fingerprints;
import io.kubetel.alerting.state.RuleState;
import io.kubetel.alerting.state.SeriesState;
import io.kubetel.alerting.state.SeriesStateMachine;
import io.kubetel.alerting.state.VersionClock;
import io.kubetel.model.alerts.AlertEvent;
import io.kubetel.model.alerts.AlertSeriesState;
import io.kubetel.model.query.QueryResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One evaluation of one rule against its query result: the condition per series, the no-data
 * policy, the state machine, and the transitions to record. No I/O: the scheduler runs the query
 * and stores what this returns.
 */
public final class RuleEvaluation {
  private RuleEvaluation() {}

  public static Outcome evaluate(
      AlertRuleDefinition rule,
      RuleState prev,
      QueryResult result,
      Instant now,
      VersionClock versions) {
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    for (QueryResult.Series s : result.series()) {
      String fp = Fingerprints.of(s.labels());
      Verdict v =
          rule.condition()
              .evaluate(
                  new SeriesInput(
                      rule.key(),
                      fp,
                      s.labels(),
                      s.points(),
                      result.stepSeconds(),
                      result.end(),
                      now));
      if (v.hasData()) {
        verdicts.put(fp, v);
        labels.put(fp, s.labels());
      }
    }
    Map<String, SeriesState> next = new LinkedHashMap<>();
    List<AlertEvent> events = new ArrayList<>();
    if (verdicts.isEmpty()) {
      switch (rule.noData()) {
        case KeepState -> next.putAll(prev.series());
        case Resolve ->
            prev.series()
                .forEach(
                    (fp, s) -> step(rule, fp, s, false, s.value(), now, versions, next, events));
        case Alerting -> {
          next.putAll(prev.series());
          SeriesState old = prev.series().getOrDefault("", SeriesState.inactive(Map.of()));
          step(rule, "", old, true, Double.NaN, now, versions, next, events);
        }
      }
    } else {
      verdicts.forEach(
          (fp, v) -> {
            SeriesState old = prev.series().getOrDefault(fp, SeriesState.inactive(labels.get(fp)));
            step(rule, fp, old, v.holds(), v.value(), now, versions, next, events);
            if (v.holds()) {
              next.put(fp, next.get(fp).withDetails(v.details()));
            }
          });
      // A series that dropped out of the result no longer holds.
      prev.series()
          .forEach(
              (fp, s) -> {
                if (!verdicts.containsKey(fp)) {
                  step(rule, fp, s, false, Double.NaN, now, versions, next, events);
                }
              });
    }
    double lastValue =
        verdicts.values().stream().mapToDouble(Verdict::value).max().orElse(Double.NaN);
    return new Outcome(RuleState.of(next), events, lastValue, now, Optional.empty());
  }

  private static void step(
      AlertRuleDefinition rule,
      String fp,
      SeriesState old,
      boolean holds,
      double value,
      Instant now,
      VersionClock versions,
      Map<String, SeriesState> next,
      List<AlertEvent> events) {
    SeriesState s =
        SeriesStateMachine.step(old, holds, value, now, rule.forDuration(), rule.keepFiringFor());
    // The condition's details stay while the series is active (a series kept firing through
    // keepFiringFor still shows its anomaly); the caller sets fresh ones when the condition holds.
    s = s.withDetails(s.state() == AlertSeriesState.Inactive ? Map.of() : old.details());
    next.put(fp, s);
    if (s.state() != old.state()) {
      String summary =
          Templates.render(rule.annotations().getOrDefault("summary", ""), s.value(), s.labels());
      events.add(
          new AlertEvent(
              rule.namespace(),
              rule.name(),
              fp,
              s.labels(),
              old.state(),
              s.state(),
              s.value(),
              rule.severity(),
              summary,
              now,
              versions.next()));
    }
  }
}
