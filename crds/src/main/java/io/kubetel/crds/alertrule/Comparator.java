package io.kubetel.crds.alertrule;

/** How an alert value is compared with its threshold. */
public enum Comparator {
  GreaterThan,
  GreaterThanOrEqual,
  LessThan,
  LessThanOrEqual,
  Equal,
  NotEqual;

  /** Whether {@code value} satisfies this comparison with {@code threshold}. */
  public boolean holds(double value, double threshold) {
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
