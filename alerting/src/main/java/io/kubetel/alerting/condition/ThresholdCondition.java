package io.kubetel.alerting.condition;

/**
 * The {@code Threshold} condition: the newest value of a series compared with a fixed threshold.
 * The newest step is the one the query's range ends in, so a rule reacts as soon as data of the
 * current step is committed.
 */
public record ThresholdCondition(Comparison comparison, double threshold)
    implements SeriesCondition {

  /** The type name in {@code spec.condition.type}. */
  public static final String TYPE = "Threshold";

  /** How a value is compared with the threshold; names as in the AlertRule CRD. */
  public enum Comparison {
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    Equal,
    NotEqual;

    boolean holds(double value, double threshold) {
      return switch (this) {
        case GreaterThan -> value > threshold;
        case GreaterThanOrEqual -> value >= threshold;
        case LessThan -> value < threshold;
        case LessThanOrEqual -> value <= threshold;
        case Equal -> value == threshold;
        case NotEqual -> value != threshold;
      };
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Verdict evaluate(SeriesInput series) {
    double value = series.lastValue();
    if (Double.isNaN(value)) {
      return Verdict.noData();
    }
    return Verdict.of(comparison.holds(value, threshold), value);
  }
}
