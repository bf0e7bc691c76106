package io.kubetel.crds.alertrule;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The condition over the aggregated value of an AlertRule's query. Only {@code Threshold} exists
 * today; the type field leaves room for an anomaly condition.
 */
@ValidationRule(
    value = "self.type != 'Threshold' || (has(self.comparator) && has(self.threshold))",
    message = "comparator and threshold are required for a Threshold condition")
public class AlertCondition {

  @Default("Threshold")
  @JsonPropertyDescription("Kind of condition. Only Threshold is supported. Defaults to Threshold.")
  private ConditionType type = ConditionType.Threshold;

  @JsonPropertyDescription(
      "How the value is compared with the threshold: GreaterThan, GreaterThanOrEqual, LessThan,"
          + " LessThanOrEqual, Equal or NotEqual.")
  private Comparator comparator;

  @JsonPropertyDescription(
      "The threshold, in the unit of the query's value (e.g. 0.05 for a 5% ratio, 500 for 500 ms).")
  private Double threshold;

  public ConditionType getType() {
    return type;
  }

  public void setType(ConditionType type) {
    this.type = type;
  }

  public Comparator getComparator() {
    return comparator;
  }

  public void setComparator(Comparator comparator) {
    this.comparator = comparator;
  }

  public Double getThreshold() {
    return threshold;
  }

  public void setThreshold(Double threshold) {
    this.threshold = threshold;
  }
}
