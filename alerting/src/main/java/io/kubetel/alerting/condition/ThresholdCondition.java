package io.kubetel.alerting.condition;

/**
 * The {@code Threshold} condition: the newest value of a series compared with a fixed threshold.
 * The newest step is the one the query's range ends in, so a rule reacts as soon as data of the
 * current step is committed. That step is still filling up (a count or rate in it reads low), so
 * when it does not satisfy the condition the complete step right before it decides: a rule over an
 * error rate neither waits a whole step to fire nor flaps at every step boundary.
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
    if (comparison.holds(value, threshold)) {
      return Verdict.of(true, value);
    }
    return series
        .previousComplete()
        .filter(p -> comparison.holds(p.value(), threshold))
        .map(p -> Verdict.of(true, p.value()))
        .orElse(Verdict.of(false, value));
  }
}
