package io.kubetel.alerting.state;

import io.kubetel.model.alerts.AlertSeriesState;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The series of one rule that are not Inactive, by fingerprint, immutable. Inactive series are
 * forgotten: they are what an unseen series is.
 */
public record RuleState(Map<String, SeriesState> series) {
  public static final RuleState EMPTY = new RuleState(Map.of());

  public RuleState {
    series = Map.copyOf(series);
  }

  /** A state without Inactive series. */
  public static RuleState of(Map<String, SeriesState> all) {
    Map<String, SeriesState> kept = new LinkedHashMap<>();
    all.forEach(
        (fp, s) -> {
          if (s.state() != AlertSeriesState.Inactive) {
            kept.put(fp, s);
          }
        });
    return new RuleState(kept);
  }

  /** The rule's state: Firing if any series fires, else Pending if any is pending. */
  public AlertSeriesState overall() {
    Collection<SeriesState> all = series.values();
    if (all.stream().anyMatch(s -> s.state() == AlertSeriesState.Firing)) {
      return AlertSeriesState.Firing;
    }
    return all.isEmpty() ? AlertSeriesState.Inactive : AlertSeriesState.Pending;
  }

  /** The fingerprints of the firing series, sorted. */
  public List<String> firing() {
    return series.entrySet().stream()
        .filter(e -> e.getValue().state() == AlertSeriesState.Firing)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }
}
