package io.kubetel.store.metrics;

/**
 * Increase of cumulative counters over time, tolerating resets: when a value drops, the counter
 * restarted from zero, so the new value itself is the increase since the reset (what Prometheus'
 * {@code increase()} does, without extrapolation).
 */
public final class Counters {
  private Counters() {}

  /** The increase across {@code values} (in time order). 0 for fewer than two values. */
  public static double increase(double[] values) {
    double total = 0;
    for (int i = 1; i < values.length; i++) {
      total += step(values[i - 1], values[i]);
    }
    return total;
  }

  /** The increase from {@code previous} to {@code current}, treating a drop as a reset. */
  public static double step(double previous, double current) {
    return current >= previous ? current - previous : current;
  }

  /**
   * Per-second rate of a cumulative counter: its increase divided by the seconds between the first
   * and last sample; null with fewer than two samples or no elapsed time.
   */
  public static Double rate(long[] timesNanos, double[] values) {
    if (values.length < 2) {
      return null;
    }
    double seconds = (timesNanos[timesNanos.length - 1] - timesNanos[0]) / 1e9;
    return seconds <= 0 ? null : increase(values) / seconds;
  }
}
