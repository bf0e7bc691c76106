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
 */
public record SeriesState(
    Map<String, String> labels,
    AlertSeriesState state,
    Instant activeSince,
    Instant firingSince,
    Instant lastHeldAt,
    double value) {

  public SeriesState {
    labels = Map.copyOf(labels);
  }

  /** A series that has never held. */
  public static SeriesState inactive(Map<String, String> labels) {
    return new SeriesState(labels, AlertSeriesState.Inactive, null, null, null, Double.NaN);
  }
}
