package io.kubetel.anomaly.scan;

import io.kubetel.anomaly.Sensitivity;
import java.time.Duration;

/**
 * How the anomaly scan runs.
 *
 * @param interval time between scans
 * @param warmup history a freshly started scan learns from (and judges) on its first pass
 * @param lookback how far before the previous scan's end each scan reads again, so points that
 *     arrive late are still seen (points a series' detector has seen are skipped)
 * @param minimumDuration how long a run of anomalous points must last before it is an anomaly
 * @param saveInterval how often detector state is saved (also on close)
 * @param sensitivity how readily values are called anomalous
 */
public record ScanSettings(
    Duration interval,
    Duration warmup,
    Duration lookback,
    Duration minimumDuration,
    Duration saveInterval,
    Sensitivity sensitivity) {

  public ScanSettings {
    for (Duration d : new Duration[] {interval, warmup, lookback, minimumDuration, saveInterval}) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("scan durations must not be negative, got " + d);
      }
    }
    if (interval.isZero()) {
      throw new IllegalArgumentException("scan interval must be positive");
    }
  }

  /**
   * Every 30 s, 1 h of warm-up, 2 min look-back, no minimum duration (every run the detector flags
   * is recorded with its grade; alerts apply their own minimum), state saved every 5 min.
   */
  public static ScanSettings defaults() {
    return new ScanSettings(
        Duration.ofSeconds(30),
        Duration.ofHours(1),
        Duration.ofMinutes(2),
        Duration.ZERO,
        Duration.ofMinutes(5),
        Sensitivity.MEDIUM);
  }
}
