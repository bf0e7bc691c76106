package io.kubetel.model.alerts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One state transition of one alert series (a rule's query group), as stored in kubetel's own
 * database and served as the {@code alertevents} resource.
 *
 * @param namespace the AlertRule's namespace
 * @param rule the AlertRule's name
 * @param fingerprint a stable id of the series' labels within the rule ({@code ""} for a rule whose
 *     query does not group)
 * @param labels the series' group-by labels
 * @param from the state before ({@code Inactive} for a new series)
 * @param to the state after; {@code Inactive} after {@code Firing} is a resolve
 * @param value the value that caused the transition ({@code NaN} when there was no data)
 * @param severity the rule's severity
 * @param summary the rendered summary annotation ({@code ""} when the rule has none)
 * @param time when the transition was evaluated
 * @param version strictly increasing per process (microseconds since the epoch), the sort key
 */
public record AlertEvent(
    String namespace,
    String rule,
    String fingerprint,
    Map<String, String> labels,
    AlertSeriesState from,
    AlertSeriesState to,
    double value,
    String severity,
    String summary,
    Instant time,
    long version) {

  public AlertEvent {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(fingerprint, "fingerprint");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    severity = severity == null ? "" : severity;
    summary = summary == null ? "" : summary;
    Objects.requireNonNull(time, "time");
  }

  /** The object name of this event in the API: unique within the namespace, stable. */
  public String name() {
    String series = fingerprint.isEmpty() ? "" : "." + fingerprint;
    return rule + series + "." + Long.toString(version, 36);
  }

  /** The version encoded in an object name, or -1 when the name is not an event's. */
  public static long versionOf(String name) {
    int dot = name.lastIndexOf('.');
    try {
      return Long.parseLong(name.substring(dot + 1), 36);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Whether this transition resolves a firing alert. */
  public boolean isResolve() {
    return from == AlertSeriesState.Firing && to == AlertSeriesState.Inactive;
  }
}
