package io.kubetel.alerting.rule;

import java.time.Instant;
import java.util.Map;

/**
 * A mute window on an AlertRule ({@code spec.silences[]}): while {@code start <= now < end}, series
 * whose labels contain every {@code matchers} entry (all series when empty) change state and are
 * recorded as usual but are not notified.
 */
public record Silence(Map<String, String> matchers, Instant start, Instant end, String comment) {
  public Silence {
    matchers = Map.copyOf(matchers);
  }

  /** Whether this silence mutes a series with {@code labels} at {@code now}. */
  public boolean mutes(Map<String, String> labels, Instant now) {
    if (now.isBefore(start) || !now.isBefore(end)) {
      return false;
    }
    return matchers.entrySet().stream().allMatch(m -> m.getValue().equals(labels.get(m.getKey())));
  }
}
