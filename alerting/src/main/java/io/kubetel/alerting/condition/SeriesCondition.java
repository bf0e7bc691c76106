package io.kubetel.alerting.condition;

import java.util.Map;

/**
 * The condition of an AlertRule over one query series: the narrow hook a new condition type (a
 * threshold today, an anomaly model next) implements. It is called on the evaluation pool, once per
 * series and evaluation, and must not block on I/O longer than its own budget; it never throws for
 * a series it cannot judge, it answers {@link Verdict#noData()} instead.
 */
public interface SeriesCondition {

  /** The condition type as written in {@code spec.condition.type}, e.g. {@code Threshold}. */
  String type();

  /** Whether the condition holds for {@code series} at this evaluation, and the value shown. */
  Verdict evaluate(SeriesInput series);

  /**
   * A condition's answer for one series.
   *
   * @param holds whether the condition holds
   * @param value the value to show in status and notifications ({@code NaN} when there is none)
   * @param hasData false when the series gave nothing to judge (handled by the no-data policy)
   * @param details what the condition adds to status and notifications while the series holds (the
   *     Anomaly condition: {@code grade}, {@code expectedLow}, {@code expectedHigh}, {@code
   *     observed}); empty for a threshold
   */
  record Verdict(boolean holds, double value, boolean hasData, Map<String, Double> details) {
    public Verdict {
      details = Map.copyOf(details);
    }

    public Verdict(boolean holds, double value, boolean hasData) {
      this(holds, value, hasData, Map.of());
    }

    public static Verdict of(boolean holds, double value) {
      return new Verdict(holds, value, true);
    }

    public static Verdict noData() {
      return new Verdict(false, Double.NaN, false);
    }
  }
}
