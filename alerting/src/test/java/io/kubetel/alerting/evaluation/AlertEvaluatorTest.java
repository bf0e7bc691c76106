package io.kubetel.alerting.evaluation;

import static io.kubetel.model.alerts.AlertSeriesState.Firing;
import static io.kubetel.model.alerts.AlertSeriesState.Inactive;
import static io.kubetel.model.alerts.AlertSeriesState.Pending;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.alerting.rule.AlertRuleDefinition;
import io.kubetel.alerting.state.VersionClock;
import io.kubetel.alerting.testing.FakeQueryRunner;
import io.kubetel.alerting.testing.InMemoryAlertHistory;
import io.kubetel.alerting.testing.Rules;
import io.kubetel.model.alerts.AlertEvent;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.store.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The evaluation loop with an injected clock: schedule and spread, for/keepFiringFor through the
 * history, no-data policies, broken queries, shared queries, storage outages and restarts.
 */
class AlertEvaluatorTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  final MutableClock clock = new MutableClock(T0);
  final FakeQueryRunner runner = new FakeQueryRunner();
  final InMemoryAlertHistory history = new InMemoryAlertHistory();
  final List<Outcome> outcomes = new ArrayList<>();

  AlertEvaluator evaluator() {
    AlertEvaluator e =
        new AlertEvaluator(
            ns -> runner, history, "kubetel_system", clock, Runnable::run, new VersionClock(clock));
    e.addListener((rule, outcome) -> outcomes.add(outcome));
    return e;
  }

  /** Advances the clock by {@code seconds} one second at a time, ticking each second. */
  void run(AlertEvaluator e, int seconds) {
    for (int i = 0; i < seconds; i++) {
      e.tick(clock.advance(Duration.ofSeconds(1))).join();
    }
  }

  @Test
  void eachRuleRunsOncePerIntervalAtItsOwnOffset() {
    AlertEvaluator e = evaluator();
    List<AlertRuleDefinition> rules = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      rules.add(
          Rules.rule(
              "r" + i, "'interval':'10s','query':{'signal':'logs','range':'" + (i + 1) + "m'}"));
    }
    e.replaceRules(rules);
    runner.value(1);
    run(e, 30);
    assertThat(runner.runs.get()).isEqualTo(150);
    // Spread: no single second carries more than a fraction of the rules.
    long[] perOffset = new long[10];
    rules.forEach(
        r ->
            perOffset[
                (int) (EvaluationSchedule.offsetMillis(r.queryShape(), r.interval()) / 1000)]++);
    for (long n : perOffset) {
      assertThat(n).isLessThan(20);
    }
  }

  @Test
  void rulesSharingAQueryRunItOnce() {
    AlertEvaluator e = evaluator();
    // Equal queries (fields in another order), different conditions: one query per slot... only
    // when due together, so the interval and the key-derived slots are what decide; give them one
    // slot by evaluating at a single tick after all are due.
    e.replaceRules(
        List.of(
            Rules.rule("a", "'interval':'5s'"),
            Rules.rule("b", "'interval':'5s','condition':{'comparator':'LessThan','threshold':1}"),
            Rules.rule(
                "c",
                "'interval':'5s','query':{'step':'1m','signal':'traces','range':'5m',"
                    + "'aggregation':'rate','filters':[{'key':'service','values':['checkout']}]}")));
    runner.value(7);
    e.tick(clock.advance(Duration.ofSeconds(5))).join();
    assertThat(runner.runs.get()).isEqualTo(1);
    assertThat(e.status("shop/a").orElseThrow().state()).isEqualTo(Firing);
    assertThat(e.status("shop/b").orElseThrow().state()).isEqualTo(Inactive);
    assertThat(e.status("shop/c").orElseThrow().state()).isEqualTo(Firing);
  }

  @Test
  void everyTransitionIsStoredAndResolveComesAfterKeepFiringFor() {
    AlertEvaluator e = evaluator();
    e.replaceRules(
        List.of(Rules.rule("errors", "'interval':'10s','for':'20s','keepFiringFor':'30s'")));
    runner.answer(Map.of(Map.of("http.route", "/pay"), 7.0, Map.of("http.route", "/cart"), 2.0));
    run(e, 10);
    assertThat(e.state("shop/errors").overall()).isEqualTo(Pending);
    run(e, 20);
    RuleStatus firing = e.status("shop/errors").orElseThrow();
    assertThat(firing.state()).isEqualTo(Firing);
    assertThat(firing.lastValue()).isEqualTo(7.0);
    assertThat(firing.firing())
        .singleElement()
        .satisfies(f -> assertThat(f.labels()).containsEntry("http.route", "/pay"));
    runner.answer(Map.of(Map.of("http.route", "/cart"), 2.0));
    run(e, 20);
    assertThat(e.state("shop/errors").overall()).isEqualTo(Firing);
    run(e, 10);
    assertThat(e.state("shop/errors").overall()).isEqualTo(Inactive);
    assertThat(history.events)
        .extracting(ev -> ev.from() + ">" + ev.to())
        .containsExactly("Inactive>Pending", "Pending>Firing", "Firing>Inactive");
    AlertEvent fired = history.events.get(1);
    assertThat(fired.summary()).isEqualTo("rate is 7 on /pay");
    assertThat(fired.labels()).containsEntry("http.route", "/pay");
    assertThat(history.events).extracting(AlertEvent::version).isSorted();
  }

  @Test
  void aBrokenQueryNeverFiresNorStopsTheLoop() {
    AlertEvaluator e = evaluator();
    e.replaceRules(
        List.of(
            Rules.rule("broken", "'interval':'5s'"),
            Rules.rule("ok", "'interval':'5s','query':{'signal':'logs'}")));
    runner.failing(new InvalidQueryException("spec.query.range: Invalid value"));
    run(e, 10);
    RuleStatus status = e.status("shop/broken").orElseThrow();
    assertThat(status.state()).isEqualTo(Inactive);
    assertThat(status.error()).hasValueSatisfying(m -> assertThat(m).contains("spec.query.range"));
    assertThat(history.events).isEmpty();
    runner.value(9);
    run(e, 5);
    assertThat(e.status("shop/broken").orElseThrow().error()).isEmpty();
    assertThat(e.status("shop/ok").orElseThrow().state()).isEqualTo(Firing);
  }

  @Test
  void noDataPolicies() {
    AlertEvaluator e = evaluator();
    e.replaceRules(
        List.of(
            Rules.rule("keep", "'interval':'5s'"),
            Rules.rule("resolve", "'interval':'5s','noData':'Resolve','query':{'signal':'logs'}"),
            Rules.rule(
                "alert",
                "'interval':'5s','noData':'Alerting','query':{'signal':'metrics',"
                    + "'metric':'heartbeat'}")));
    runner.value(9);
    run(e, 5);
    assertThat(e.state("shop/keep").overall()).isEqualTo(Firing);
    assertThat(e.state("shop/resolve").overall()).isEqualTo(Firing);
    runner.noData();
    run(e, 5);
    assertThat(e.state("shop/keep").overall()).isEqualTo(Firing);
    assertThat(e.state("shop/resolve").overall()).isEqualTo(Inactive);
    assertThat(e.state("shop/alert").overall()).isEqualTo(Firing);
    assertThat(e.status("shop/alert").orElseThrow().lastValue()).isNaN();
  }

  @Test
  void aStorageOutageDoesNotAdvanceTheStateSoNoTransitionIsLost() {
    AlertEvaluator e = evaluator();
    e.replaceRules(List.of(Rules.rule("errors", "'interval':'5s'")));
    runner.value(9);
    history.failing = true;
    run(e, 5);
    assertThat(e.state("shop/errors").overall()).isEqualTo(Inactive);
    assertThat(e.status("shop/errors").orElseThrow().error())
        .hasValueSatisfying(m -> assertThat(m).contains("storing alert events failed"));
    history.failing = false;
    run(e, 5);
    assertThat(history.events).extracting(ev -> ev.to()).containsExactly(Firing);
  }

  @Test
  void aRestartedEvaluatorContinuesFromTheHistory() {
    AlertEvaluator first = evaluator();
    AlertRuleDefinition rule = Rules.rule("errors", "'interval':'5s','keepFiringFor':'20s'");
    first.replaceRules(List.of(rule));
    runner.value(9);
    run(first, 5);
    assertThat(history.events).hasSize(1);

    AlertEvaluator second = evaluator();
    second.restore();
    second.replaceRules(List.of(rule));
    run(second, 10);
    // Still firing: no second firing transition after the restart.
    assertThat(history.events).hasSize(1);
    runner.value(1);
    run(second, 25);
    assertThat(history.events)
        .extracting(ev -> ev.from() + ">" + ev.to())
        .containsExactly("Inactive>Firing", "Firing>Inactive");
    assertThat(history.events.get(1).version()).isGreaterThan(history.events.get(0).version());
  }

  @Test
  void aConditionThatThrowsIsAnEvaluationErrorNotACrash() {
    AlertEvaluator e = evaluator();
    AlertRuleDefinition base = Rules.rule("anomaly", "'interval':'5s'");
    AlertRuleDefinition throwing =
        new AlertRuleDefinition(
            base.namespace(),
            base.name(),
            base.generation(),
            base.query(),
            base.queryShape(),
            new io.kubetel.alerting.condition.SeriesCondition() {
              @Override
              public String type() {
                return "Anomaly";
              }

              @Override
              public Verdict evaluate(io.kubetel.alerting.condition.SeriesInput series) {
                throw new IllegalStateException("model not trained");
              }
            },
            base.forDuration(),
            base.keepFiringFor(),
            base.interval(),
            base.repeatInterval(),
            base.noData(),
            base.severity(),
            base.labels(),
            base.annotations(),
            base.receivers(),
            base.silences());
    e.replaceRules(List.of(throwing));
    runner.value(9);
    run(e, 5);
    assertThat(e.status("shop/anomaly").orElseThrow().error())
        .hasValueSatisfying(m -> assertThat(m).contains("model not trained"));
  }
}
