package io.kubetel.alerting.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.alerting.condition.ConditionTypes;
import io.kubetel.alerting.condition.SeriesCondition;
import io.kubetel.alerting.condition.SeriesInput;
import io.kubetel.alerting.rule.AlertRuleDefinition;
import io.kubetel.alerting.rule.AlertRuleParser;
import io.kubetel.alerting.state.RuleState;
import io.kubetel.alerting.state.VersionClock;
import io.kubetel.alerting.testing.Rules;
import io.kubetel.model.alerts.AlertSeriesState;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.QueryResult;
import io.kubetel.store.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A condition's details (an anomaly's grade and expected range) follow the series: set while it
 * holds, kept while {@code keepFiringFor} keeps it firing, cleared once it is inactive.
 */
class ConditionDetailsTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final Map<String, Double> DETAILS = Map.of("grade", 0.9, "expectedHigh", 120.0);

  final AtomicBoolean holds = new AtomicBoolean(true);
  final SeriesCondition condition =
      new SeriesCondition() {
        @Override
        public String type() {
          return "Anomaly";
        }

        @Override
        public Verdict evaluate(SeriesInput series) {
          return holds.get()
              ? new Verdict(true, 300, true, DETAILS)
              : new Verdict(false, 100, true, Map.of());
        }
      };

  @Test
  void detailsLastWhileTheSeriesIsActive() {
    AlertRuleDefinition rule =
        new AlertRuleParser(ConditionTypes.standard().register("Anomaly", c -> condition))
            .parse(
                Rules.json(
                    "{'metadata':{'name':'r','namespace':'shop'},'spec':{'query':{'signal':"
                        + "'traces','aggregation':'p99'},'condition':{'type':'Anomaly',"
                        + "'anomaly':{}},'keepFiringFor':'2m','interval':'1m'}}"));
    VersionClock versions = new VersionClock(new MutableClock(T0));
    QueryResult result =
        new QueryResult(
            T0,
            T0.plusSeconds(600),
            60,
            Aggregation.P99,
            List.of(new QueryResult.Series(Map.of(), List.of(new QueryResult.Point(T0, 1)))));

    Outcome firing = RuleEvaluation.evaluate(rule, RuleState.EMPTY, result, T0, versions);
    assertThat(RuleStatus.of(firing).firing())
        .singleElement()
        .satisfies(f -> assertThat(f.details()).isEqualTo(DETAILS));

    holds.set(false);
    Outcome kept =
        RuleEvaluation.evaluate(
            rule, firing.state(), result, T0.plus(Duration.ofMinutes(1)), versions);
    assertThat(kept.state().overall()).isEqualTo(AlertSeriesState.Firing);
    assertThat(RuleStatus.of(kept).firing())
        .singleElement()
        .satisfies(f -> assertThat(f.details()).isEqualTo(DETAILS));

    Outcome resolved =
        RuleEvaluation.evaluate(
            rule, kept.state(), result, T0.plus(Duration.ofMinutes(3)), versions);
    assertThat(resolved.state().overall()).isEqualTo(AlertSeriesState.Inactive);
    assertThat(resolved.state().series().values())
        .allSatisfy(s -> assertThat(s.details()).isEmpty());
  }
}
