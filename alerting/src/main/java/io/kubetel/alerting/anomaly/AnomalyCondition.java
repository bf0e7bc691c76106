package io.kubetel.alerting.anomaly;

import io.kubetel.alerting.condition.SeriesCondition;
import io.kubetel.alerting.condition.SeriesInput;

/**
 * The {@code Anomaly} condition: each series' points go to a detector that learns what is normal
 * for it (see docs/anomaly.md); the series holds while an anomaly that has lasted the minimum
 * duration is open, and its verdict carries the anomaly's grade, expected range and observed value.
 * The learned state lives in the host's {@link AnomalyModels}, not here: the rule is parsed again
 * at every reconcile and must not forget.
 */
public final class AnomalyCondition implements SeriesCondition {

  /** The type name in {@code spec.condition.type}. */
  public static final String TYPE = "Anomaly";

  private final AnomalySettings settings;
  private final AnomalyModels models;

  public AnomalyCondition(AnomalySettings settings, AnomalyModels models) {
    this.settings = settings;
    this.models = models;
  }

  /** The parameters this condition was parsed with. */
  public AnomalySettings settings() {
    return settings;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Verdict evaluate(SeriesInput series) {
    return models.model(series.ruleKey(), settings).judge(series);
  }
}
