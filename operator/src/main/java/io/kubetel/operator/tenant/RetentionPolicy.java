package io.kubetel.operator.tenant;

import io.kubetel.crds.tenant.Retention;
import io.kubetel.crds.tenant.TelemetryTenantStatus;
import io.kubetel.model.duration.Durations;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.model.query.Signal;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.conditions.ConditionTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's retention as durations per signal, whether it may be applied at all (at least {@link
 * Retention#MINIMUM} per signal), and when retention next has to run.
 */
final class RetentionPolicy {

  private RetentionPolicy() {}

  /**
   * Whether the spec's retention may be applied. An object stored before the schema had its minimum
   * (or edited past the schema) may ask for {@code 1ms}, which would expire every row: it is
   * refused with {@code Stalled}, reason {@code RetentionTooShort} (or {@code InvalidRetention} for
   * text that is no duration), naming each field and what to write. No data is changed.
   */
  static boolean accept(Retention retention, TenantStatusDraft status) {
    Retention r = retention == null ? new Retention() : retention;
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("metrics", orDefault(r.getMetrics(), "30d"));
    fields.put("traces", orDefault(r.getTraces(), "7d"));
    fields.put("logs", orDefault(r.getLogs(), "14d"));
    List<String> tooShort = new ArrayList<>();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      String field = "spec.retention." + f.getKey();
      try {
        if (Durations.parse(f.getValue(), field).compareTo(Retention.MINIMUM) < 0) {
          tooShort.add(field + " is " + f.getValue());
        }
      } catch (InvalidInputException e) {
        status.stalled("InvalidRetention", e.getMessage() + "; no data was changed");
        return false;
      }
    }
    if (!tooShort.isEmpty()) {
      status.stalled(
          "RetentionTooShort",
          String.join(", ", tooShort)
              + ": retention must be at least "
              + Durations.format(Retention.MINIMUM)
              + " per signal; set "
              + (tooShort.size() == 1 ? "it" : "them")
              + " to "
              + Durations.format(Retention.MINIMUM)
              + " or more (no data was changed, no retention applied)");
      return false;
    }
    return true;
  }

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
