package io.kubetel.alerting.condition;

import io.kubetel.model.query.QueryResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a {@link SeriesCondition} sees of one series: the rule it belongs to, the series' labels and
 * points (oldest first, only steps that had data) and the evaluation time.
 *
 * @param ruleKey {@code namespace/name} of the AlertRule, for conditions that keep per-rule state
 *     (an anomaly model)
 * @param fingerprint the series' stable id within the rule
 */
public record SeriesInput(
    String ruleKey,
    String fingerprint,
    Map<String, String> labels,
    List<QueryResult.Point> points,
    Instant now) {

  public SeriesInput {
    labels = Map.copyOf(labels);
    points = List.copyOf(points);
  }

  /** The newest point's value, {@code NaN} when there is none. */
  public double lastValue() {
    return points.isEmpty() ? Double.NaN : points.get(points.size() - 1).value();
  }
}
