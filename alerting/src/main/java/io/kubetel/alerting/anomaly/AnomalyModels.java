package io.kubetel.alerting.anomaly;

import io.kubetel.alerting.condition.ConditionTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The learned detectors of every rule with an Anomaly condition, one {@link RuleModel} per rule,
 * owned by the host for the life of its evaluator. A rule re-parsed with equal settings keeps its
 * model; changed settings start a new one. {@link #save} and {@link #restore} carry the detectors'
 * state across a restart or a leader change.
 */
public final class AnomalyModels {
  private final Map<String, RuleModel> byRule = new ConcurrentHashMap<>();

  /** Registers the {@code Anomaly} condition type, bound to these models, on {@code types}. */
  public ConditionTypes registerOn(ConditionTypes types) {
    return types.register(AnomalyCondition.TYPE, new AnomalyConditionParser(this));
  }

  /** The model of a rule for these settings (a new one when the settings changed). */
  RuleModel model(String ruleKey, AnomalySettings settings) {
    return byRule.compute(
        ruleKey,
        (k, m) -> m != null && m.settings().equals(settings) ? m : new RuleModel(settings));
  }

  /** Forgets the rules not in {@code keep} (deleted, or no longer Anomaly rules). */
  public void retain(java.util.Set<String> keep) {
    byRule.keySet().retainAll(keep);
  }

  /** The learned state of every series of every rule, for the host to persist. */
  public List<SavedSeries> save() {
    List<SavedSeries> out = new ArrayList<>();
    byRule.forEach((rule, m) -> out.addAll(m.save(rule)));
    return out;
  }

  /**
   * Resumes from saved state; a series whose bytes cannot be read starts afresh (it then warms up
   * again from its query window) rather than failing the rule.
   */
  public void restore(List<SavedSeries> saved) {
    for (SavedSeries s : saved) {
      model(s.ruleKey(), s.settings()).restore(s);
    }
  }
}
