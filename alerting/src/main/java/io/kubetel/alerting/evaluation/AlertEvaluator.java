package io.kubetel.alerting.evaluation;

import io.kubetel.alerting.rule.AlertRuleDefinition;
import io.kubetel.alerting.state.RuleState;
import io.kubetel.alerting.state.SeriesState;
import io.kubetel.alerting.state.VersionClock;
import io.kubetel.model.alerts.AlertEvent;
import io.kubetel.model.alerts.AlertHistory;
import io.kubetel.model.alerts.AlertSeriesState;
import io.kubetel.model.query.QueryResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates AlertRules on their intervals: each {@link #tick} takes the rules that are due, runs
 * one query per query shape (rules in one namespace with an equal query share it) on the bounded
 * executor the host gives, steps every rule's state machine, stores the transitions in {@link
 * AlertHistory} and then tells the listeners. A failing query or store never stops the loop and
 * never fires: the rule keeps its state and reports the error. State is restored from the history
 * on {@link #restore}, so a restarted process or a new leader continues where the last one was.
 */
public final class AlertEvaluator {
  private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

  private final QueryRunners runners;
  private final AlertHistory history;
  private final String database;
  private final Clock clock;
  private final Executor pool;
  private final VersionClock versions;
  private final List<AlertListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final Map<String, AlertRuleDefinition> rules = new ConcurrentHashMap<>();
  private final Map<String, Instant> nextDue = new ConcurrentHashMap<>();
  private final Map<String, RuleState> states = new ConcurrentHashMap<>();
  private final Map<String, RuleStatus> statuses = new ConcurrentHashMap<>();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  /**
   * @param database kubetel's own database, where the history lives
   * @param pool bounded executor the queries run on (its bound is the concurrency)
   */
  public AlertEvaluator(
      QueryRunners runners,
      AlertHistory history,
      String database,
      Clock clock,
      Executor pool,
      VersionClock versions) {
    this.runners = runners;
    this.history = history;
    this.database = database;
    this.clock = clock;
    this.pool = pool;
    this.versions = versions;
  }

  public AlertEvaluator addListener(AlertListener listener) {
    listeners.add(listener);
    return this;
  }

  /** Restores the series states from the history (call once before the first tick). */
  public void restore() {
    Instant now = clock.instant();
    Map<String, Map<String, SeriesState>> restored = new HashMap<>();
    for (AlertEvent e : history.latestPerSeries(database)) {
      versions.observe(e.version());
      if (e.to() == AlertSeriesState.Inactive) {
        continue;
      }
      Instant firingSince = e.to() == AlertSeriesState.Firing ? e.time() : null;
      // keepFiringFor counts from the restart: resolving later is safe, resolving early is not.
      restored
          .computeIfAbsent(e.namespace() + "/" + e.rule(), k -> new LinkedHashMap<>())
          .put(
              e.fingerprint(),
              new SeriesState(e.labels(), e.to(), e.time(), firingSince, now, e.value()));
    }
    restored.forEach((rule, series) -> states.put(rule, new RuleState(series)));
    log.info("event=alert_state_restored rules={} database={}", restored.size(), database);
  }

  /** Replaces the set of rules; a rule whose key stays keeps its state and slot. */
  public void replaceRules(Collection<AlertRuleDefinition> next) {
    Map<String, AlertRuleDefinition> byKey = new LinkedHashMap<>();
    next.forEach(r -> byKey.put(r.key(), r));
    rules.keySet().removeIf(k -> !byKey.containsKey(k));
    nextDue.keySet().removeIf(k -> !byKey.containsKey(k));
    statuses.keySet().removeIf(k -> !byKey.containsKey(k));
    Instant now = clock.instant();
    byKey.forEach(
        (k, r) -> {
          AlertRuleDefinition old = rules.put(k, r);
          if (old == null
              || !old.interval().equals(r.interval())
              || !old.queryShape().equals(r.queryShape())) {
            nextDue.put(
                k, EvaluationSchedule.nextAfter(r.queryShape(), r.interval(), now.minusMillis(1)));
          }
        });
  }

  /** The rules known now. */
  public Collection<AlertRuleDefinition> rules() {
    return List.copyOf(rules.values());
  }

  /** The status after the rule's last evaluation, if it was evaluated. */
  public Optional<RuleStatus> status(String ruleKey) {
    return Optional.ofNullable(statuses.get(ruleKey));
  }

  /** The current series states of a rule. */
  public RuleState state(String ruleKey) {
    return states.getOrDefault(ruleKey, RuleState.EMPTY);
  }

  /**
   * Starts the evaluations due at {@code now}; the future completes when they are done (tests wait
   * for it; the scheduler does not).
   */
  public CompletableFuture<Void> tick(Instant now) {
    Map<String, List<AlertRuleDefinition>> byShape = new LinkedHashMap<>();
    Map<String, Instant> slots = new HashMap<>();
    for (AlertRuleDefinition r : rules.values()) {
      Instant due = nextDue.get(r.key());
      if (due == null || due.isAfter(now) || inFlight.contains(r.key())) {
        continue;
      }
      nextDue.put(r.key(), EvaluationSchedule.nextAfter(r.queryShape(), r.interval(), now));
      inFlight.add(r.key());
      slots.put(r.key(), due);
      byShape.computeIfAbsent(r.queryShape(), s -> new ArrayList<>()).add(r);
    }
    List<CompletableFuture<Void>> running = new ArrayList<>();
    for (List<AlertRuleDefinition> group : byShape.values()) {
      try {
        running.add(CompletableFuture.runAsync(() -> evaluateGroup(group, now, slots), pool));
      } catch (RejectedExecutionException e) {
        // The pool is saturated: these rules run at their next slot instead of piling up.
        group.forEach(r -> inFlight.remove(r.key()));
        log.warn("event=alert_evaluation_skipped reason=pool_full rules={}", group.size());
      }
    }
    return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
  }

  /**
   * Queries at {@code now} (the data up to this instant), and steps each rule's state machine at
   * its slot, so {@code for} and {@code keepFiringFor} count whole intervals whatever the tick's
   * jitter (a 1m {@code for} on a 30s interval fires on the third evaluation, not the fourth).
   */
  private void evaluateGroup(
      List<AlertRuleDefinition> group, Instant now, Map<String, Instant> slots) {
    try {
      AlertRuleDefinition first = group.get(0);
      QueryResult result = null;
      String error = null;
      try {
        result =
            runners
                .forNamespace(first.namespace())
                .run(first.query(), Optional.of(first.namespace()), now);
      } catch (RuntimeException e) {
        error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (AlertRuleDefinition rule : group) {
        RuleState prev = state(rule.key());
        Instant slot = slots.getOrDefault(rule.key(), now);
        outcomes.add(
            result == null
                ? Outcome.failed(prev, slot, "query failed: " + error)
                : evaluateSafely(rule, prev, result, slot));
      }
      outcomes = store(group, outcomes);
      for (int i = 0; i < group.size(); i++) {
        publish(group.get(i), outcomes.get(i));
      }
    } finally {
      group.forEach(r -> inFlight.remove(r.key()));
    }
  }

  private Outcome evaluateSafely(
      AlertRuleDefinition rule, RuleState prev, QueryResult result, Instant now) {
    try {
      return RuleEvaluation.evaluate(rule, prev, result, now, versions);
    } catch (RuntimeException e) {
      // A condition implementation (the anomaly hook) that throws must not stop the loop.
      return Outcome.failed(prev, now, "condition failed: " + e.getMessage());
    }
  }

  /**
   * Stores the group's transitions in one write first; if that fails no state advances (no lost
   * event: the next evaluation records them again) and each rule reports the error.
   */
  private List<Outcome> store(List<AlertRuleDefinition> group, List<Outcome> outcomes) {
    List<AlertEvent> events = new ArrayList<>();
    outcomes.forEach(o -> events.addAll(o.events()));
    if (!events.isEmpty()) {
      try {
        history.append(database, events);
      } catch (RuntimeException e) {
        log.warn(
            "event=alert_events_store_failed rules={} events={} error={}",
            group.size(),
            events.size(),
            e.getMessage());
        List<Outcome> failed = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
          failed.add(
              Outcome.failed(
                  state(group.get(i).key()),
                  outcomes.get(i).evaluatedAt(),
                  "storing alert events failed: " + e.getMessage()));
        }
        return failed;
      }
      for (AlertEvent e : events) {
        log.info(
            "event=alert_transition rule={}/{} series={} from={} to={} value={}",
            e.namespace(),
            e.rule(),
            e.fingerprint(),
            e.from(),
            e.to(),
            e.value());
      }
    }
    for (int i = 0; i < group.size(); i++) {
      states.put(group.get(i).key(), outcomes.get(i).state());
    }
    return outcomes;
  }

  private void publish(AlertRuleDefinition rule, Outcome outcome) {
    statuses.put(rule.key(), RuleStatus.of(outcome));
    outcome
        .error()
        .ifPresent(e -> log.warn("event=alert_evaluation_failed rule={} error={}", rule.key(), e));
    for (AlertListener l : listeners) {
      try {
        l.evaluated(rule, outcome);
      } catch (RuntimeException e) {
        log.warn("event=alert_listener_failed rule={} error={}", rule.key(), e.toString());
      }
    }
  }
}
