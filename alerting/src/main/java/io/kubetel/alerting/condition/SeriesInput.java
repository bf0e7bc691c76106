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
 * @param stepSeconds the query's step: a point covers {@code [time, time + step)}
 * @param end the end of the query's window; the newest step is partial when it ends after it
 */
public record SeriesInput(
    String ruleKey,
    String fingerprint,
    Map<String, String> labels,
    List<QueryResult.Point> points,
    long stepSeconds,
    Instant end,
    Instant now) {

  public SeriesInput {
    labels = Map.copyOf(labels);
    points = List.copyOf(points);
  }

  /** Whether {@code p}'s step ends after the window: it holds only part of its data so far. */
  public boolean partial(QueryResult.Point p) {
    return stepSeconds > 0 && p.time().plusSeconds(stepSeconds).isAfter(end);
  }

  /** The newest complete point before a partial newest one (the step right before it), if any. */
  public java.util.Optional<QueryResult.Point> previousComplete() {
    if (points.size() < 2) {
      return java.util.Optional.empty();
    }
    QueryResult.Point last = points.get(points.size() - 1);
    QueryResult.Point before = points.get(points.size() - 2);
    boolean adjacent = before.time().plusSeconds(stepSeconds).equals(last.time());
    return partial(last) && adjacent ? java.util.Optional.of(before) : java.util.Optional.empty();
  }

  /** The newest point's value, {@code NaN} when there is none. */
  public double lastValue() {
    return points.isEmpty() ? Double.NaN : points.get(points.size() - 1).value();
  }
}
