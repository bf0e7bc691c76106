package io.kubetel.alerting.state;

import io.kubetel.model.alerts.AlertSeriesState;
import java.time.Instant;
import java.util.Map;

/**
 * What the evaluator remembers of one series between evaluations.
 *
 * @param activeSince when the condition started to hold (Pending and Firing)
 * @param firingSince when the series started firing ({@code null} unless Firing)
 * @param lastHeldAt the last evaluation at which the condition held ({@code keepFiringFor} counts
 *     from here)
 * @param value the last value seen ({@code NaN} when none)
 * @param details the condition's details while it holds (see {@code SeriesCondition.Verdict}); not
 *     restored after a restart (the next evaluation sets them again)
 */
public record SeriesState(
    Map<String, String> labels,
    AlertSeriesState state,
    Instant activeSince,
    Instant firingSince,
    Instant lastHeldAt,
    double value,
    Map<String, Double> details) {

  public SeriesState {
    labels = Map.copyOf(labels);
    details = Map.copyOf(details);
  }

  public SeriesState(
      Map<String, String> labels,
      AlertSeriesState state,
      Instant activeSince,
      Instant firingSince,
      Instant lastHeldAt,
      double value) {
    this(labels, state, activeSince, firingSince, lastHeldAt, value, Map.of());
  }

  /** This state with other details. */
  public SeriesState withDetails(Map<String, Double> next) {
    return new SeriesState(labels, state, activeSince, firingSince, lastHeldAt, value, next);
  }

  /** A series that has never held. */
  public static SeriesState inactive(Map<String, String> labels) {
    return new SeriesState(labels, AlertSeriesState.Inactive, null, null, null, Double.NaN);
  }
}
