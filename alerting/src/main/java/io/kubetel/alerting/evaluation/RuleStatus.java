package io.kubetel.alerting.evaluation;

import io.kubetel.alerting.state.SeriesState;
import io.kubetel.model.alerts.AlertSeriesState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What hosts show in an AlertRule's status after an evaluation.
 *
 * @param firing at most {@link #MAX_FIRING} firing series, oldest first
 * @param firingCount how many series fire in all
 * @param error the last evaluation's error, for an {@code EvaluationFailed} condition
 */
public record RuleStatus(
    AlertSeriesState state,
    double lastValue,
    Instant lastEvaluationTime,
    Instant firingSince,
    List<FiringSeries> firing,
    int firingCount,
    Optional<String> error) {

  /** Status carries this many firing series at most; events list them all. */
  public static final int MAX_FIRING = 10;

  /** One firing series. */
  public record FiringSeries(
      Map<String, String> labels, double value, Instant since, Map<String, Double> details) {
    public FiringSeries {
      details = Map.copyOf(details);
    }

    public FiringSeries(Map<String, String> labels, double value, Instant since) {
      this(labels, value, since, Map.of());
    }
  }

  public static RuleStatus of(Outcome outcome) {
    List<SeriesState> firing =
        outcome.state().series().values().stream()
            .filter(s -> s.state() == AlertSeriesState.Firing)
            .sorted(Comparator.comparing(SeriesState::firingSince))
            .toList();
    return new RuleStatus(
        outcome.state().overall(),
        outcome.lastValue(),
        outcome.evaluatedAt(),
        firing.isEmpty() ? null : firing.get(0).firingSince(),
        firing.stream()
            .limit(MAX_FIRING)
            .map(s -> new FiringSeries(s.labels(), s.value(), s.firingSince(), s.details()))
            .toList(),
        firing.size(),
        outcome.error());
  }
}
