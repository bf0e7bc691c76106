package io.kubetel.operator.tenant;

import io.kubetel.crds.tenant.Retention;
import io.kubetel.crds.tenant.TelemetryTenantStatus;
import io.kubetel.model.duration.Durations;
import io.kubetel.model.query.Signal;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.conditions.ConditionTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** A tenant's retention as durations per signal, and when retention next has to run. */
final class RetentionPolicy {

  private RetentionPolicy() {}

  /** Per-signal retention from the spec (schema defaults fill missing values). */
  static Map<Signal, Duration> perSignal(Retention retention) {
    Retention r = retention == null ? new Retention() : retention;
    Map<Signal, Duration> out = new EnumMap<>(Signal.class);
    out.put(Signal.METRICS, Durations.parse(orDefault(r.getMetrics(), "30d")));
    out.put(Signal.TRACES, Durations.parse(orDefault(r.getTraces(), "7d")));
    out.put(Signal.LOGS, Durations.parse(orDefault(r.getLogs(), "14d")));
    return out;
  }

  /**
   * Whether retention must run now: never ran, the last run failed, the spec changed since, or the
   * last run is at least {@code every} ago.
   */
  static boolean due(TelemetryTenantStatus status, long generation, Instant now, Duration every) {
    if (status == null || status.getLastRetentionRun() == null) {
      return true;
    }
    // A failed run is retried (with the controller's backoff), not left until the next interval.
    if (!ConditionSet.find(status.getConditions(), ConditionTypes.RETENTION_APPLIED)
        .map(c -> c.isTrue())
        .orElse(false)) {
      return true;
    }
    if (status.getObservedGeneration() == null || status.getObservedGeneration() != generation) {
      return true;
    }
    Instant last = Instant.parse(status.getLastRetentionRun());
    return !now.isBefore(last.plus(every));
  }

  /** Time until the next run is due (at least one second). */
  static Duration untilNext(String lastRun, Instant now, Duration every) {
    if (lastRun == null) {
      return every;
    }
    Duration left = Duration.between(now, Instant.parse(lastRun).plus(every));
    return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
  }

  private static String orDefault(String v, String d) {
    return v == null || v.isBlank() ? d : v;
  }
}
